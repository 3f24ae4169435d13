// https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_database
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface PostgresDatabaseConfig extends cdktn.TerraformMetaArguments {
  /**
  * Name of the cluster. Changing it replaces the database.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_database#cluster PostgresDatabase#cluster}
  */
  readonly cluster: string;
  /**
  * Database name: a lowercase letter, then lowercase letters, digits and hyphens, at most 63 characters. Changing it replaces the database (and erases its data).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_database#name PostgresDatabase#name}
  */
  readonly name: string;
  /**
  * Extensions enabled in the database; on the public API checked at plan against the extensions catalog (`data.hikube_postgres_extensions`). Sent whole on every change (the API replaces the list). Set `[]` to remove them all.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_database#extensions PostgresDatabase#extensions}
  */
  readonly extensions?: string[];
}

/**
* Represents a {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_database hikube_postgres_database}
*/
export class PostgresDatabase extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "hikube_postgres_database";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a PostgresDatabase resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the PostgresDatabase to import
  * @param importFromId The id of the existing PostgresDatabase that should be imported. Refer to the {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_database#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the PostgresDatabase to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "hikube_postgres_database", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_database hikube_postgres_database} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options PostgresDatabaseConfig
  */
  public constructor(scope: Construct, id: string, config: PostgresDatabaseConfig) {
    super(scope, id, {
      terraformResourceType: 'hikube_postgres_database',
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
    this._extensions = config.extensions;
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

  // extensions - computed: true, optional: true, required: false
  private _extensions?: string[]; 
  public get extensions() {
    return cdktn.Fn.tolist(this.getListAttribute('extensions'));
  }
  public set extensions(value: string[]) {
    this._extensions = value;
  }
  public resetExtensions() {
    this._extensions = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get extensionsInput() {
    return this._extensions;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      cluster: cdktn.stringToTerraform(this._cluster),
      name: cdktn.stringToTerraform(this._name),
      extensions: cdktn.listMapper(cdktn.stringToTerraform, false)(this._extensions),
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
      extensions: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._extensions),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
