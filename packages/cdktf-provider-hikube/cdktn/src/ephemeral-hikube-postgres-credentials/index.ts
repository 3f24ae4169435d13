// https://registry.terraform.io/providers/hikube/hikube/latest/docs/ephemeral-resources/postgres_credentials
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface EphemeralHikubePostgresCredentialsConfig extends cdktn.TerraformEphemeralMetaArguments {
  /**
  * Cluster name, or `<namespace>/<name>` (a `hikube_postgres_cluster` id). The cluster must exist when Terraform plans: Terraform reads an ephemeral resource whose arguments are known during the plan.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/ephemeral-resources/postgres_credentials#cluster EphemeralHikubePostgresCredentials#cluster}
  */
  readonly cluster: string;
  /**
  * User name: a key of the cluster's `users`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/ephemeral-resources/postgres_credentials#user EphemeralHikubePostgresCredentials#user}
  */
  readonly user: string;
  /**
  * Namespace; defaults to the one in `cluster`, else the provider's.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/ephemeral-resources/postgres_credentials#namespace EphemeralHikubePostgresCredentials#namespace}
  */
  readonly namespace?: string;
  /**
  * Database `uri` points at; default `postgres`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/ephemeral-resources/postgres_credentials#database EphemeralHikubePostgresCredentials#database}
  */
  readonly database?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/ephemeral-resources/postgres_credentials hikube_postgres_credentials}
*/
export class EphemeralHikubePostgresCredentials extends cdktn.TerraformEphemeralResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "hikube_postgres_credentials";

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/ephemeral-resources/postgres_credentials hikube_postgres_credentials} Ephemeral Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options EphemeralHikubePostgresCredentialsConfig
  */
  public constructor(scope: Construct, id: string, config: EphemeralHikubePostgresCredentialsConfig) {
    super(scope, id, {
      terraformResourceType: 'hikube_postgres_credentials',
      terraformGeneratorMetadata: {
        providerName: 'hikube'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      forEach: config.forEach
    });
    this._cluster = config.cluster;
    this._user = config.user;
    this._namespace = config.namespace;
    this._database = config.database;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // cluster - computed: false, optional: false, required: true
  private _cluster?: string; 
  public get cluster() {
    return this.getStringAttribute('cluster');
  }
  public set cluster(value: string) {
    this._cluster = value;
  }
  // Temporarily expose input value. Use with caution.
  public get clusterInput() {
    return this._cluster;
  }

  // user - computed: false, optional: false, required: true
  private _user?: string; 
  public get user() {
    return this.getStringAttribute('user');
  }
  public set user(value: string) {
    this._user = value;
  }
  // Temporarily expose input value. Use with caution.
  public get userInput() {
    return this._user;
  }

  // namespace - computed: true, optional: true, required: false
  private _namespace?: string; 
  public get namespace() {
    return this.getStringAttribute('namespace');
  }
  public set namespace(value: string) {
    this._namespace = value;
  }
  public resetNamespace() {
    this._namespace = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get namespaceInput() {
    return this._namespace;
  }

  // database - computed: true, optional: true, required: false
  private _database?: string; 
  public get database() {
    return this.getStringAttribute('database');
  }
  public set database(value: string) {
    this._database = value;
  }
  public resetDatabase() {
    this._database = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get databaseInput() {
    return this._database;
  }

  // password - computed: true, optional: false, required: false
  public get password() {
    return this.getStringAttribute('password');
  }

  // host - computed: true, optional: false, required: false
  public get host() {
    return this.getStringAttribute('host');
  }

  // port - computed: true, optional: false, required: false
  public get port() {
    return this.getNumberAttribute('port');
  }

  // uri - computed: true, optional: false, required: false
  public get uri() {
    return this.getStringAttribute('uri');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      cluster: cdktn.stringToTerraform(this._cluster),
      user: cdktn.stringToTerraform(this._user),
      namespace: cdktn.stringToTerraform(this._namespace),
      database: cdktn.stringToTerraform(this._database),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      cluster: {
        value: cdktn.stringToHclTerraform(this._cluster),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      user: {
        value: cdktn.stringToHclTerraform(this._user),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      namespace: {
        value: cdktn.stringToHclTerraform(this._namespace),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      database: {
        value: cdktn.stringToHclTerraform(this._database),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
