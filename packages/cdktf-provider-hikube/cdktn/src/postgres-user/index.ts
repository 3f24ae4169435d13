// https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_user
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface PostgresUserConfig extends cdktn.TerraformMetaArguments {
  /**
  * Name of the cluster. Changing it replaces the user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_user#cluster PostgresUser#cluster}
  */
  readonly cluster: string;
  /**
  * User name: a lowercase letter or underscore, then lowercase letters, digits and underscores, at most 63 characters; not `postgres`, not starting with `pg_`. Changing it replaces the user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_user#name PostgresUser#name}
  */
  readonly name: string;
  /**
  * Grant the replication privilege (backup tools, read replicas).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_user#replication PostgresUser#replication}
  */
  readonly replication?: boolean | cdktn.IResolvable;
  /**
  * Role by database: `admin` or `readonly`. Sent whole on every change (the public API replaces the map; on the Kubernetes API the user's name leaves the lists of the databases left out): a database left out loses the user's role. A database named here that does not exist is created by the platform; prefer a `hikube_postgres_database` and a reference to it (which also destroys the user first).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_user#databases PostgresUser#databases}
  */
  readonly databases?: { [key: string]: string };
  /**
  * Change it (e.g. increase it) to rotate the password in place; the old password stops working at once. Setting it the first time on an imported user rotates too, so the state gets a password (on the Kubernetes API an import reads the version back from the cluster object, so only a user made outside Terraform rotates).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_user#password_version PostgresUser#password_version}
  */
  readonly passwordVersion?: number;
}

/**
* Represents a {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_user hikube_postgres_user}
*/
export class PostgresUser extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "hikube_postgres_user";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a PostgresUser resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the PostgresUser to import
  * @param importFromId The id of the existing PostgresUser that should be imported. Refer to the {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_user#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the PostgresUser to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "hikube_postgres_user", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_user hikube_postgres_user} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options PostgresUserConfig
  */
  public constructor(scope: Construct, id: string, config: PostgresUserConfig) {
    super(scope, id, {
      terraformResourceType: 'hikube_postgres_user',
      terraformGeneratorMetadata: {
        providerName: 'hikube'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._cluster = config.cluster;
    this._name = config.name;
    this._replication = config.replication;
    this._databases = config.databases;
    this._passwordVersion = config.passwordVersion;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

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

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // replication - computed: true, optional: true, required: false
  private _replication?: boolean | cdktn.IResolvable; 
  public get replication() {
    return this.getBooleanAttribute('replication');
  }
  public set replication(value: boolean | cdktn.IResolvable) {
    this._replication = value;
  }
  public resetReplication() {
    this._replication = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get replicationInput() {
    return this._replication;
  }

  // databases - computed: true, optional: true, required: false
  private _databases?: { [key: string]: string }; 
  public get databases() {
    return this.getStringMapAttribute('databases');
  }
  public set databases(value: { [key: string]: string }) {
    this._databases = value;
  }
  public resetDatabases() {
    this._databases = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get databasesInput() {
    return this._databases;
  }

  // password_version - computed: false, optional: true, required: false
  private _passwordVersion?: number; 
  public get passwordVersion() {
    return this.getNumberAttribute('password_version');
  }
  public set passwordVersion(value: number) {
    this._passwordVersion = value;
  }
  public resetPasswordVersion() {
    this._passwordVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordVersionInput() {
    return this._passwordVersion;
  }

  // password - computed: true, optional: false, required: false
  public get password() {
    return this.getStringAttribute('password');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      cluster: cdktn.stringToTerraform(this._cluster),
      name: cdktn.stringToTerraform(this._name),
      replication: cdktn.booleanToTerraform(this._replication),
      databases: cdktn.hashMapper(cdktn.stringToTerraform)(this._databases),
      password_version: cdktn.numberToTerraform(this._passwordVersion),
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
      name: {
        value: cdktn.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      replication: {
        value: cdktn.booleanToHclTerraform(this._replication),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      databases: {
        value: cdktn.hashMapperHcl(cdktn.stringToHclTerraform)(this._databases),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      password_version: {
        value: cdktn.numberToHclTerraform(this._passwordVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
