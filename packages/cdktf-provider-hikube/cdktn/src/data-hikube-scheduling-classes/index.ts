// https://registry.terraform.io/providers/hikube/hikube/latest/docs/data-sources/scheduling_classes
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DataHikubeSchedulingClassesConfig extends cdktn.TerraformMetaArguments {
}
export interface DataHikubeSchedulingClassesClasses {
}

export function dataHikubeSchedulingClassesClassesToTerraform(struct?: DataHikubeSchedulingClassesClasses): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function dataHikubeSchedulingClassesClassesToHclTerraform(struct?: DataHikubeSchedulingClassesClasses): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class DataHikubeSchedulingClassesClassesOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DataHikubeSchedulingClassesClasses | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataHikubeSchedulingClassesClasses | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // zones - computed: true, optional: false, required: false
  public get zones() {
    return this.getListAttribute('zones');
  }

  // spreads_over_zones - computed: true, optional: false, required: false
  public get spreadsOverZones() {
    return this.getBooleanAttribute('spreads_over_zones');
  }

  // spec_json - computed: true, optional: false, required: false
  public get specJson() {
    return this.getStringAttribute('spec_json');
  }
}

export class DataHikubeSchedulingClassesClassesList extends cdktn.ComplexList {

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DataHikubeSchedulingClassesClassesOutputReference {
    return new DataHikubeSchedulingClassesClassesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/data-sources/scheduling_classes hikube_scheduling_classes}
*/
export class DataHikubeSchedulingClasses extends cdktn.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "hikube_scheduling_classes";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a DataHikubeSchedulingClasses resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataHikubeSchedulingClasses to import
  * @param importFromId The id of the existing DataHikubeSchedulingClasses that should be imported. Refer to the {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/data-sources/scheduling_classes#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataHikubeSchedulingClasses to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "hikube_scheduling_classes", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/data-sources/scheduling_classes hikube_scheduling_classes} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataHikubeSchedulingClassesConfig = {}
  */
  public constructor(scope: Construct, id: string, config: DataHikubeSchedulingClassesConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'hikube_scheduling_classes',
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
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // classes - computed: true, optional: false, required: false
  private _classes = new DataHikubeSchedulingClassesClassesList(this, "classes", false);
  public get classes() {
    return this._classes;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
    };
    return attrs;
  }
}
