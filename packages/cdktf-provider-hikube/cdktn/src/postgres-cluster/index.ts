// https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface PostgresClusterConfig extends cdktn.TerraformMetaArguments {
  /**
  * Cluster name: a DNS-1035 label of at most 44 characters (the platform prefixes `postgres-`); on the public API 3 to 16 lowercase letters and digits. Changing it replaces the cluster.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#name PostgresCluster#name}
  */
  readonly name: string;
  /**
  * Tenant namespace. Defaults to the provider's `namespace`. Changing it replaces the cluster.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#namespace PostgresCluster#namespace}
  */
  readonly namespace?: string;
  /**
  * PostgreSQL major version: `v18`, `v17`, `v16`, `v15`, `v14` or `v13`. Pin it: the platform default may change. A higher version is an in-place major upgrade; a lower one is refused at plan. The public API has `v15` to `v18` and needs it at creation.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#version PostgresCluster#version}
  */
  readonly version?: string;
  /**
  * Number of instances (one primary and `replicas - 1` standbys). Hikube advises 3 for production. Scales in place; on the public API within 2-8, while a change across 1 <-> 2-8 replaces the cluster (the API refuses it in place).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#replicas PostgresCluster#replicas}
  */
  readonly replicas?: number;
  /**
  * `async` (commits do not wait for standbys) or `quorum` (commits wait for `min_sync_replicas`..`max_sync_replicas` standbys, `ANY n`). The quorum is best effort: when fewer standbys are healthy, CloudNativePG lowers it rather than blocking writes.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#sync_mode PostgresCluster#sync_mode}
  */
  readonly syncMode?: string;
  /**
  * With `sync_mode = "quorum"`: the fewest synchronous standbys. Defaults to `max_sync_replicas`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#min_sync_replicas PostgresCluster#min_sync_replicas}
  */
  readonly minSyncReplicas?: number;
  /**
  * With `sync_mode = "quorum"`: the most synchronous standbys; 1 or more and lower than `replicas`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#max_sync_replicas PostgresCluster#max_sync_replicas}
  */
  readonly maxSyncReplicas?: number;
  /**
  * Datacenters the instances may run in (e.g. `["gland", "lucerne", "geneva"]`). Resolved at plan to an existing SchedulingClass whose node selector and required node affinity allow exactly these zones (one that spreads over them first); when none does, the plan fails and lists the classes with their zones. Tenants may only read classes, so none is ever created. The zones are those the classes name (a tenant sees no nodes). Conflicts with `scheduling_class`. Read back from the class on import. Needs a platform whose published Postgres schema has `spec.schedulingClass`: no Cozystack release up to v1.6.2 has it, so there the plan refuses `zones` (the tenant's class is chosen by the namespace label `scheduler.cozystack.io/scheduling-class`, which the administrator sets; ask them for the class you need).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#zones PostgresCluster#zones}
  */
  readonly zones?: string[];
  /**
  * Refused at plan: a SchedulingClass gives every instance the same constraints and CloudNativePG elects the primary, so no class can place the primary in a zone. Kept only so older configurations get that error.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#primary_zone PostgresCluster#primary_zone}
  */
  readonly primaryZone?: string;
  /**
  * Name of an existing SchedulingClass to place this cluster's instances with (checked at plan); unset means the class the namespace names (label `scheduler.cozystack.io/scheduling-class`). Set by `zones` when those are used. Needs a platform whose published Postgres schema has `spec.schedulingClass`. No Cozystack release up to v1.6.2 has it: there the resource refuses this attribute at plan, and the namespace label, set by the administrator, is the only way to choose the class.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#scheduling_class PostgresCluster#scheduling_class}
  */
  readonly schedulingClass?: string;
  /**
  * Sizing preset (`nano` … `2xlarge`, or `t1.`/`c1.`/`s1.`/`u1.`/`m1.` classes). Legacy and current names of one preset (`micro`, `t1.micro`) are equal. Conflicts with `cpu`/`memory`. On the public API, checked at plan against the presets catalog.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#resources_preset PostgresCluster#resources_preset}
  */
  readonly resourcesPreset?: string;
  /**
  * CPU per instance, a Kubernetes quantity (`1`, `500m`). Set with `memory`, instead of `resources_preset`. A change restarts instances one by one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#cpu PostgresCluster#cpu}
  */
  readonly cpu?: string;
  /**
  * Memory per instance, a Kubernetes quantity (`2Gi`). Set with `cpu`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#memory PostgresCluster#memory}
  */
  readonly memory?: string;
  /**
  * Volume size per instance (`10Gi`); equal quantities (`10Gi`, `10240Mi`) are the same. Grows in place; shrinking is refused at plan. On the public API, whole GiB from 1 to 4096 (`10Gi`; `10G` does not convert exactly and is refused), needed at creation.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#storage_size PostgresCluster#storage_size}
  */
  readonly storageSize?: string;
  /**
  * Storage class of the volumes: `local`, `replicated` or `replicated-async`; empty is the platform default. Changing it replaces the cluster.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#storage_class PostgresCluster#storage_class}
  */
  readonly storageClass?: string;
  /**
  * Publish the primary through a LoadBalancer (`endpoints.external`; on the public API, `host`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#external PostgresCluster#external}
  */
  readonly external?: boolean | cdktn.IResolvable;
  /**
  * Add the external hostname to the server certificate's names (`spec.tls.enabled`); unset = only with `external = true`. TLS itself is always on. Cozystack Kubernetes API only: refused at plan on the public API.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#tls_enabled PostgresCluster#tls_enabled}
  */
  readonly tlsEnabled?: boolean | cdktn.IResolvable;
  /**
  * Public API: the most concurrent connections (`config.maxConnections`, 1 to 10000); the platform's default when unset. On the Kubernetes API set `parameters = { max_connections = "..." }` instead.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#max_connections PostgresCluster#max_connections}
  */
  readonly maxConnections?: number;
  /**
  * PostgreSQL parameters (`postgresql.conf`), values as strings. Parameters that can execute code are refused; some (e.g. `max_connections`, `shared_buffers`) restart instances, which the plan warns about.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#parameters PostgresCluster#parameters}
  */
  readonly parameters?: { [key: string]: string };
  /**
  * Users by name (Kubernetes API). Removing one drops it (its objects are reassigned to `postgres`): refused unless `allow_destructive_changes`. Setting this map (even `{}`) manages users inline: `hikube_postgres_user` then refuses to add users to this cluster. Users this map does not name (made by `hikube_postgres_user` or kubectl) are neither read back nor removed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#users PostgresCluster#users}
  */
  readonly users?: { [key: string]: PostgresClusterUsers } | cdktn.IResolvable;
  /**
  * Databases by name (Kubernetes API). Removing one runs `DROP DATABASE`: refused unless `allow_destructive_changes`. Setting this map (even `{}`) manages databases inline: `hikube_postgres_database` then refuses to add databases to this cluster. Databases this map does not name are neither read back nor removed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#databases PostgresCluster#databases}
  */
  readonly databases?: { [key: string]: PostgresClusterDatabases } | cdktn.IResolvable;
  /**
  * Backups to S3-compatible object storage (barman).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#backup PostgresCluster#backup}
  */
  readonly backup?: PostgresClusterBackup;
  /**
  * Create this cluster from another cluster's backups (point-in-time recovery). Only at creation: changing it replaces the cluster.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#restore PostgresCluster#restore}
  */
  readonly restore?: PostgresClusterRestore;
  /**
  * When true, destroy (and any replacement) fails before anything is touched.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#deletion_protection PostgresCluster#deletion_protection}
  */
  readonly deletionProtection?: boolean | cdktn.IResolvable;
  /**
  * Allow a plan that drops users or databases (the plan still names them in a warning).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#allow_destructive_changes PostgresCluster#allow_destructive_changes}
  */
  readonly allowDestructiveChanges?: boolean | cdktn.IResolvable;
  /**
  * What create and update wait for: `released` (the platform applied the release), `primary` (the primary accepts connections) or `all_instances` (every instance ready). On the public API, which reports one status, they wait for status `ready` whatever this says.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#wait_for PostgresCluster#wait_for}
  */
  readonly waitFor?: string;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#timeouts PostgresCluster#timeouts}
  */
  readonly timeouts?: PostgresClusterTimeouts;
}
export interface PostgresClusterUsers {
  /**
  * Password; generated by the platform when not set. Stored in state: prefer `password_wo`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#password PostgresCluster#password}
  */
  readonly password?: string;
  /**
  * Write-only password (Terraform 1.11+): sent to the platform, never stored in plan or state. Needs `password_wo_version`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#password_wo PostgresCluster#password_wo}
  */
  readonly passwordWo?: string;
  /**
  * Increase it to send `password_wo` again (Terraform cannot compare write-only values).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#password_wo_version PostgresCluster#password_wo_version}
  */
  readonly passwordWoVersion?: number;
  /**
  * Grant the `REPLICATION` attribute.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#replication PostgresCluster#replication}
  */
  readonly replication?: boolean | cdktn.IResolvable;
}

export function postgresClusterUsersToTerraform(struct?: PostgresClusterUsers | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    password: cdktn.stringToTerraform(struct!.password),
    password_wo: cdktn.stringToTerraform(struct!.passwordWo),
    password_wo_version: cdktn.numberToTerraform(struct!.passwordWoVersion),
    replication: cdktn.booleanToTerraform(struct!.replication),
  }
}


export function postgresClusterUsersToHclTerraform(struct?: PostgresClusterUsers | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    password: {
      value: cdktn.stringToHclTerraform(struct!.password),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    password_wo: {
      value: cdktn.stringToHclTerraform(struct!.passwordWo),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    password_wo_version: {
      value: cdktn.numberToHclTerraform(struct!.passwordWoVersion),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    replication: {
      value: cdktn.booleanToHclTerraform(struct!.replication),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PostgresClusterUsersOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): PostgresClusterUsers | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._password !== undefined) {
      hasAnyValues = true;
      internalValueResult.password = this._password;
    }
    if (this._passwordWo !== undefined) {
      hasAnyValues = true;
      internalValueResult.passwordWo = this._passwordWo;
    }
    if (this._passwordWoVersion !== undefined) {
      hasAnyValues = true;
      internalValueResult.passwordWoVersion = this._passwordWoVersion;
    }
    if (this._replication !== undefined) {
      hasAnyValues = true;
      internalValueResult.replication = this._replication;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterUsers | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._password = undefined;
      this._passwordWo = undefined;
      this._passwordWoVersion = undefined;
      this._replication = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._password = value.password;
      this._passwordWo = value.passwordWo;
      this._passwordWoVersion = value.passwordWoVersion;
      this._replication = value.replication;
    }
  }

  // password - computed: true, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this.getStringAttribute('password');
  }
  public set password(value: string) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }

  // password_wo - computed: false, optional: true, required: false
  private _passwordWo?: string; 
  /**
  * @deprecated Write-only: the provider never returns this value; reading it always yields null by protocol contract. The getter remains for compatibility and will be removed in a future prebuilt-provider major.
  */
  public get passwordWo() {
    return this.getStringAttribute('password_wo');
  }
  public set passwordWo(value: string) {
    this._passwordWo = value;
  }
  public resetPasswordWo() {
    this._passwordWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordWoInput() {
    return this._passwordWo;
  }

  // password_wo_version - computed: false, optional: true, required: false
  private _passwordWoVersion?: number; 
  public get passwordWoVersion() {
    return this.getNumberAttribute('password_wo_version');
  }
  public set passwordWoVersion(value: number) {
    this._passwordWoVersion = value;
  }
  public resetPasswordWoVersion() {
    this._passwordWoVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordWoVersionInput() {
    return this._passwordWoVersion;
  }

  // replication - computed: false, optional: true, required: false
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
}

export class PostgresClusterUsersMap extends cdktn.ComplexMap {
  public internalValue? : { [key: string]: PostgresClusterUsers } | cdktn.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute);
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): PostgresClusterUsersOutputReference {
    return new PostgresClusterUsersOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}
export interface PostgresClusterDatabases {
  /**
  * Users granted `<db>_admin` (owner, full rights).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#admin PostgresCluster#admin}
  */
  readonly admin?: string[];
  /**
  * Users granted `<db>_readonly` (connect, usage, select).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#readonly PostgresCluster#readonly}
  */
  readonly readonly?: string[];
  /**
  * Extensions created in the database.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#extensions PostgresCluster#extensions}
  */
  readonly extensions?: string[];
}

export function postgresClusterDatabasesToTerraform(struct?: PostgresClusterDatabases | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    admin: cdktn.listMapper(cdktn.stringToTerraform, false)(struct!.admin),
    readonly: cdktn.listMapper(cdktn.stringToTerraform, false)(struct!.readonly),
    extensions: cdktn.listMapper(cdktn.stringToTerraform, false)(struct!.extensions),
  }
}


export function postgresClusterDatabasesToHclTerraform(struct?: PostgresClusterDatabases | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    admin: {
      value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(struct!.admin),
      isBlock: false,
      type: "set",
      storageClassType: "stringList",
    },
    readonly: {
      value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(struct!.readonly),
      isBlock: false,
      type: "set",
      storageClassType: "stringList",
    },
    extensions: {
      value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(struct!.extensions),
      isBlock: false,
      type: "set",
      storageClassType: "stringList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PostgresClusterDatabasesOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): PostgresClusterDatabases | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._admin !== undefined) {
      hasAnyValues = true;
      internalValueResult.admin = this._admin;
    }
    if (this._readonly !== undefined) {
      hasAnyValues = true;
      internalValueResult.readonly = this._readonly;
    }
    if (this._extensions !== undefined) {
      hasAnyValues = true;
      internalValueResult.extensions = this._extensions;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterDatabases | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._admin = undefined;
      this._readonly = undefined;
      this._extensions = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._admin = value.admin;
      this._readonly = value.readonly;
      this._extensions = value.extensions;
    }
  }

  // admin - computed: false, optional: true, required: false
  private _admin?: string[]; 
  public get admin() {
    return cdktn.Fn.tolist(this.getListAttribute('admin'));
  }
  public set admin(value: string[]) {
    this._admin = value;
  }
  public resetAdmin() {
    this._admin = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get adminInput() {
    return this._admin;
  }

  // readonly - computed: false, optional: true, required: false
  private _readonly?: string[]; 
  public get readonly() {
    return cdktn.Fn.tolist(this.getListAttribute('readonly'));
  }
  public set readonly(value: string[]) {
    this._readonly = value;
  }
  public resetReadonly() {
    this._readonly = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readonlyInput() {
    return this._readonly;
  }

  // extensions - computed: false, optional: true, required: false
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
}

export class PostgresClusterDatabasesMap extends cdktn.ComplexMap {
  public internalValue? : { [key: string]: PostgresClusterDatabases } | cdktn.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute);
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): PostgresClusterDatabasesOutputReference {
    return new PostgresClusterDatabasesOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}
export interface PostgresClusterBackup {
  /**
  * Run scheduled backups and WAL archiving.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#enabled PostgresCluster#enabled}
  */
  readonly enabled?: boolean | cdktn.IResolvable;
  /**
  * Cron schedule. Five fields (`0 2 * * *` = 02:00 daily) are converted to the platform's six-field form (seconds first).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#schedule PostgresCluster#schedule}
  */
  readonly schedule?: string;
  /**
  * How long backups are kept (`30d`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#retention_policy PostgresCluster#retention_policy}
  */
  readonly retentionPolicy?: string;
  /**
  * S3 destination, `s3://bucket/path/`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#destination_path PostgresCluster#destination_path}
  */
  readonly destinationPath?: string;
  /**
  * S3 endpoint URL.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#endpoint_url PostgresCluster#endpoint_url}
  */
  readonly endpointUrl?: string;
  /**
  * S3 access key.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#s3_access_key PostgresCluster#s3_access_key}
  */
  readonly s3AccessKey?: string;
  /**
  * S3 secret key.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#s3_secret_key PostgresCluster#s3_secret_key}
  */
  readonly s3SecretKey?: string;
  /**
  * Back up to the platform's system bucket through its default BackupClass instead of the S3 settings here; WAL archiving starts with the first backup job. Not with `restore`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#use_system_bucket PostgresCluster#use_system_bucket}
  */
  readonly useSystemBucket?: boolean | cdktn.IResolvable;
  /**
  * Name of an existing Secret of the namespace holding the S3 keys (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`), instead of `s3_access_key`/`s3_secret_key`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#s3_credentials_secret PostgresCluster#s3_credentials_secret}
  */
  readonly s3CredentialsSecret?: string;
  /**
  * Name of an existing Secret of the namespace holding the CA bundle (`ca.crt`) of a self-signed S3 endpoint, for backups and restores.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#endpoint_ca_secret PostgresCluster#endpoint_ca_secret}
  */
  readonly endpointCaSecret?: string;
}

export function postgresClusterBackupToTerraform(struct?: PostgresClusterBackup | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    enabled: cdktn.booleanToTerraform(struct!.enabled),
    schedule: cdktn.stringToTerraform(struct!.schedule),
    retention_policy: cdktn.stringToTerraform(struct!.retentionPolicy),
    destination_path: cdktn.stringToTerraform(struct!.destinationPath),
    endpoint_url: cdktn.stringToTerraform(struct!.endpointUrl),
    s3_access_key: cdktn.stringToTerraform(struct!.s3AccessKey),
    s3_secret_key: cdktn.stringToTerraform(struct!.s3SecretKey),
    use_system_bucket: cdktn.booleanToTerraform(struct!.useSystemBucket),
    s3_credentials_secret: cdktn.stringToTerraform(struct!.s3CredentialsSecret),
    endpoint_ca_secret: cdktn.stringToTerraform(struct!.endpointCaSecret),
  }
}


export function postgresClusterBackupToHclTerraform(struct?: PostgresClusterBackup | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    enabled: {
      value: cdktn.booleanToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    schedule: {
      value: cdktn.stringToHclTerraform(struct!.schedule),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    retention_policy: {
      value: cdktn.stringToHclTerraform(struct!.retentionPolicy),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    destination_path: {
      value: cdktn.stringToHclTerraform(struct!.destinationPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    endpoint_url: {
      value: cdktn.stringToHclTerraform(struct!.endpointUrl),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    s3_access_key: {
      value: cdktn.stringToHclTerraform(struct!.s3AccessKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    s3_secret_key: {
      value: cdktn.stringToHclTerraform(struct!.s3SecretKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    use_system_bucket: {
      value: cdktn.booleanToHclTerraform(struct!.useSystemBucket),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    s3_credentials_secret: {
      value: cdktn.stringToHclTerraform(struct!.s3CredentialsSecret),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    endpoint_ca_secret: {
      value: cdktn.stringToHclTerraform(struct!.endpointCaSecret),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PostgresClusterBackupOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PostgresClusterBackup | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    if (this._schedule !== undefined) {
      hasAnyValues = true;
      internalValueResult.schedule = this._schedule;
    }
    if (this._retentionPolicy !== undefined) {
      hasAnyValues = true;
      internalValueResult.retentionPolicy = this._retentionPolicy;
    }
    if (this._destinationPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.destinationPath = this._destinationPath;
    }
    if (this._endpointUrl !== undefined) {
      hasAnyValues = true;
      internalValueResult.endpointUrl = this._endpointUrl;
    }
    if (this._s3AccessKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.s3AccessKey = this._s3AccessKey;
    }
    if (this._s3SecretKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.s3SecretKey = this._s3SecretKey;
    }
    if (this._useSystemBucket !== undefined) {
      hasAnyValues = true;
      internalValueResult.useSystemBucket = this._useSystemBucket;
    }
    if (this._s3CredentialsSecret !== undefined) {
      hasAnyValues = true;
      internalValueResult.s3CredentialsSecret = this._s3CredentialsSecret;
    }
    if (this._endpointCaSecret !== undefined) {
      hasAnyValues = true;
      internalValueResult.endpointCaSecret = this._endpointCaSecret;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterBackup | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._enabled = undefined;
      this._schedule = undefined;
      this._retentionPolicy = undefined;
      this._destinationPath = undefined;
      this._endpointUrl = undefined;
      this._s3AccessKey = undefined;
      this._s3SecretKey = undefined;
      this._useSystemBucket = undefined;
      this._s3CredentialsSecret = undefined;
      this._endpointCaSecret = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._enabled = value.enabled;
      this._schedule = value.schedule;
      this._retentionPolicy = value.retentionPolicy;
      this._destinationPath = value.destinationPath;
      this._endpointUrl = value.endpointUrl;
      this._s3AccessKey = value.s3AccessKey;
      this._s3SecretKey = value.s3SecretKey;
      this._useSystemBucket = value.useSystemBucket;
      this._s3CredentialsSecret = value.s3CredentialsSecret;
      this._endpointCaSecret = value.endpointCaSecret;
    }
  }

  // enabled - computed: false, optional: true, required: false
  private _enabled?: boolean | cdktn.IResolvable; 
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | cdktn.IResolvable) {
    this._enabled = value;
  }
  public resetEnabled() {
    this._enabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }

  // schedule - computed: false, optional: true, required: false
  private _schedule?: string; 
  public get schedule() {
    return this.getStringAttribute('schedule');
  }
  public set schedule(value: string) {
    this._schedule = value;
  }
  public resetSchedule() {
    this._schedule = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get scheduleInput() {
    return this._schedule;
  }

  // retention_policy - computed: false, optional: true, required: false
  private _retentionPolicy?: string; 
  public get retentionPolicy() {
    return this.getStringAttribute('retention_policy');
  }
  public set retentionPolicy(value: string) {
    this._retentionPolicy = value;
  }
  public resetRetentionPolicy() {
    this._retentionPolicy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get retentionPolicyInput() {
    return this._retentionPolicy;
  }

  // destination_path - computed: false, optional: true, required: false
  private _destinationPath?: string; 
  public get destinationPath() {
    return this.getStringAttribute('destination_path');
  }
  public set destinationPath(value: string) {
    this._destinationPath = value;
  }
  public resetDestinationPath() {
    this._destinationPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get destinationPathInput() {
    return this._destinationPath;
  }

  // endpoint_url - computed: false, optional: true, required: false
  private _endpointUrl?: string; 
  public get endpointUrl() {
    return this.getStringAttribute('endpoint_url');
  }
  public set endpointUrl(value: string) {
    this._endpointUrl = value;
  }
  public resetEndpointUrl() {
    this._endpointUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointUrlInput() {
    return this._endpointUrl;
  }

  // s3_access_key - computed: false, optional: true, required: false
  private _s3AccessKey?: string; 
  public get s3AccessKey() {
    return this.getStringAttribute('s3_access_key');
  }
  public set s3AccessKey(value: string) {
    this._s3AccessKey = value;
  }
  public resetS3AccessKey() {
    this._s3AccessKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get s3AccessKeyInput() {
    return this._s3AccessKey;
  }

  // s3_secret_key - computed: false, optional: true, required: false
  private _s3SecretKey?: string; 
  public get s3SecretKey() {
    return this.getStringAttribute('s3_secret_key');
  }
  public set s3SecretKey(value: string) {
    this._s3SecretKey = value;
  }
  public resetS3SecretKey() {
    this._s3SecretKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get s3SecretKeyInput() {
    return this._s3SecretKey;
  }

  // use_system_bucket - computed: false, optional: true, required: false
  private _useSystemBucket?: boolean | cdktn.IResolvable; 
  public get useSystemBucket() {
    return this.getBooleanAttribute('use_system_bucket');
  }
  public set useSystemBucket(value: boolean | cdktn.IResolvable) {
    this._useSystemBucket = value;
  }
  public resetUseSystemBucket() {
    this._useSystemBucket = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get useSystemBucketInput() {
    return this._useSystemBucket;
  }

  // s3_credentials_secret - computed: false, optional: true, required: false
  private _s3CredentialsSecret?: string; 
  public get s3CredentialsSecret() {
    return this.getStringAttribute('s3_credentials_secret');
  }
  public set s3CredentialsSecret(value: string) {
    this._s3CredentialsSecret = value;
  }
  public resetS3CredentialsSecret() {
    this._s3CredentialsSecret = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get s3CredentialsSecretInput() {
    return this._s3CredentialsSecret;
  }

  // endpoint_ca_secret - computed: false, optional: true, required: false
  private _endpointCaSecret?: string; 
  public get endpointCaSecret() {
    return this.getStringAttribute('endpoint_ca_secret');
  }
  public set endpointCaSecret(value: string) {
    this._endpointCaSecret = value;
  }
  public resetEndpointCaSecret() {
    this._endpointCaSecret = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointCaSecretInput() {
    return this._endpointCaSecret;
  }
}
export interface PostgresClusterRestore {
  /**
  * Name of the cluster whose backups are restored (read from `backup`'s storage).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#source_cluster PostgresCluster#source_cluster}
  */
  readonly sourceCluster: string;
  /**
  * Point in time: `2026-01-02 03:04:05[.ffffff][+hh[:mm]]`, RFC 3339, or `2026-01-02T03:04:05` without a zone; latest when unset.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#recovery_time PostgresCluster#recovery_time}
  */
  readonly recoveryTime?: string;
  /**
  * S3 path prefix the source cluster wrote its backups under, when it differs from `source_cluster`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#server_name PostgresCluster#server_name}
  */
  readonly serverName?: string;
}

export function postgresClusterRestoreToTerraform(struct?: PostgresClusterRestore | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    source_cluster: cdktn.stringToTerraform(struct!.sourceCluster),
    recovery_time: cdktn.stringToTerraform(struct!.recoveryTime),
    server_name: cdktn.stringToTerraform(struct!.serverName),
  }
}


export function postgresClusterRestoreToHclTerraform(struct?: PostgresClusterRestore | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    source_cluster: {
      value: cdktn.stringToHclTerraform(struct!.sourceCluster),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    recovery_time: {
      value: cdktn.stringToHclTerraform(struct!.recoveryTime),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    server_name: {
      value: cdktn.stringToHclTerraform(struct!.serverName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PostgresClusterRestoreOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PostgresClusterRestore | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._sourceCluster !== undefined) {
      hasAnyValues = true;
      internalValueResult.sourceCluster = this._sourceCluster;
    }
    if (this._recoveryTime !== undefined) {
      hasAnyValues = true;
      internalValueResult.recoveryTime = this._recoveryTime;
    }
    if (this._serverName !== undefined) {
      hasAnyValues = true;
      internalValueResult.serverName = this._serverName;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterRestore | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._sourceCluster = undefined;
      this._recoveryTime = undefined;
      this._serverName = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._sourceCluster = value.sourceCluster;
      this._recoveryTime = value.recoveryTime;
      this._serverName = value.serverName;
    }
  }

  // source_cluster - computed: false, optional: false, required: true
  private _sourceCluster?: string; 
  public get sourceCluster() {
    return this.getStringAttribute('source_cluster');
  }
  public set sourceCluster(value: string) {
    this._sourceCluster = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceClusterInput() {
    return this._sourceCluster;
  }

  // recovery_time - computed: false, optional: true, required: false
  private _recoveryTime?: string; 
  public get recoveryTime() {
    return this.getStringAttribute('recovery_time');
  }
  public set recoveryTime(value: string) {
    this._recoveryTime = value;
  }
  public resetRecoveryTime() {
    this._recoveryTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get recoveryTimeInput() {
    return this._recoveryTime;
  }

  // server_name - computed: false, optional: true, required: false
  private _serverName?: string; 
  public get serverName() {
    return this.getStringAttribute('server_name');
  }
  public set serverName(value: string) {
    this._serverName = value;
  }
  public resetServerName() {
    this._serverName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serverNameInput() {
    return this._serverName;
  }
}
export interface PostgresClusterInstances {
}

export function postgresClusterInstancesToTerraform(struct?: PostgresClusterInstances): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function postgresClusterInstancesToHclTerraform(struct?: PostgresClusterInstances): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class PostgresClusterInstancesOutputReference extends cdktn.ComplexObject {
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

  public get internalValue(): PostgresClusterInstances | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterInstances | undefined) {
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

  // zone - computed: true, optional: false, required: false
  public get zone() {
    return this.getStringAttribute('zone');
  }

  // role - computed: true, optional: false, required: false
  public get role() {
    return this.getStringAttribute('role');
  }

  // ready - computed: true, optional: false, required: false
  public get ready() {
    return this.getBooleanAttribute('ready');
  }
}

export class PostgresClusterInstancesList extends cdktn.ComplexList {

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
  public get(index: number): PostgresClusterInstancesOutputReference {
    return new PostgresClusterInstancesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface PostgresClusterEndpointsRw {
}

export function postgresClusterEndpointsRwToTerraform(struct?: PostgresClusterEndpointsRw): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function postgresClusterEndpointsRwToHclTerraform(struct?: PostgresClusterEndpointsRw): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class PostgresClusterEndpointsRwOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PostgresClusterEndpointsRw | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterEndpointsRw | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // host - computed: true, optional: false, required: false
  public get host() {
    return this.getStringAttribute('host');
  }

  // port - computed: true, optional: false, required: false
  public get port() {
    return this.getNumberAttribute('port');
  }
}
export interface PostgresClusterEndpointsRo {
}

export function postgresClusterEndpointsRoToTerraform(struct?: PostgresClusterEndpointsRo): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function postgresClusterEndpointsRoToHclTerraform(struct?: PostgresClusterEndpointsRo): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class PostgresClusterEndpointsRoOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PostgresClusterEndpointsRo | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterEndpointsRo | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // host - computed: true, optional: false, required: false
  public get host() {
    return this.getStringAttribute('host');
  }

  // port - computed: true, optional: false, required: false
  public get port() {
    return this.getNumberAttribute('port');
  }
}
export interface PostgresClusterEndpointsR {
}

export function postgresClusterEndpointsRToTerraform(struct?: PostgresClusterEndpointsR): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function postgresClusterEndpointsRToHclTerraform(struct?: PostgresClusterEndpointsR): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class PostgresClusterEndpointsROutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PostgresClusterEndpointsR | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterEndpointsR | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // host - computed: true, optional: false, required: false
  public get host() {
    return this.getStringAttribute('host');
  }

  // port - computed: true, optional: false, required: false
  public get port() {
    return this.getNumberAttribute('port');
  }
}
export interface PostgresClusterEndpointsExternal {
}

export function postgresClusterEndpointsExternalToTerraform(struct?: PostgresClusterEndpointsExternal): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function postgresClusterEndpointsExternalToHclTerraform(struct?: PostgresClusterEndpointsExternal): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class PostgresClusterEndpointsExternalOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PostgresClusterEndpointsExternal | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterEndpointsExternal | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // host - computed: true, optional: false, required: false
  public get host() {
    return this.getStringAttribute('host');
  }

  // port - computed: true, optional: false, required: false
  public get port() {
    return this.getNumberAttribute('port');
  }
}
export interface PostgresClusterEndpoints {
}

export function postgresClusterEndpointsToTerraform(struct?: PostgresClusterEndpoints): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function postgresClusterEndpointsToHclTerraform(struct?: PostgresClusterEndpoints): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class PostgresClusterEndpointsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PostgresClusterEndpoints | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterEndpoints | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // rw - computed: true, optional: false, required: false
  private _rw = new PostgresClusterEndpointsRwOutputReference(this, "rw");
  public get rw() {
    return this._rw;
  }

  // ro - computed: true, optional: false, required: false
  private _ro = new PostgresClusterEndpointsRoOutputReference(this, "ro");
  public get ro() {
    return this._ro;
  }

  // r - computed: true, optional: false, required: false
  private _r = new PostgresClusterEndpointsROutputReference(this, "r");
  public get r() {
    return this._r;
  }

  // external - computed: true, optional: false, required: false
  private _external = new PostgresClusterEndpointsExternalOutputReference(this, "external");
  public get external() {
    return this._external;
  }
}
export interface PostgresClusterConnectionUris {
}

export function postgresClusterConnectionUrisToTerraform(struct?: PostgresClusterConnectionUris): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
  }
}


export function postgresClusterConnectionUrisToHclTerraform(struct?: PostgresClusterConnectionUris): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
  };
  return attrs;
}

export class PostgresClusterConnectionUrisOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): PostgresClusterConnectionUris | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterConnectionUris | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // rw - computed: true, optional: false, required: false
  public get rw() {
    return this.getStringAttribute('rw');
  }

  // ro - computed: true, optional: false, required: false
  public get ro() {
    return this.getStringAttribute('ro');
  }

  // r - computed: true, optional: false, required: false
  public get r() {
    return this.getStringAttribute('r');
  }

  // external - computed: true, optional: false, required: false
  public get external() {
    return this.getStringAttribute('external');
  }
}

export class PostgresClusterConnectionUrisMap extends cdktn.ComplexMap {

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute);
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): PostgresClusterConnectionUrisOutputReference {
    return new PostgresClusterConnectionUrisOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}
export interface PostgresClusterTimeouts {
  /**
  * Time allowed for create, e.g. "30s", "10m", "1h30m".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#create PostgresCluster#create}
  */
  readonly create?: string;
  /**
  * Time allowed for update, e.g. "30s", "10m", "1h30m".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#update PostgresCluster#update}
  */
  readonly update?: string;
  /**
  * Time allowed for delete, e.g. "30s", "10m", "1h30m".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#delete PostgresCluster#delete}
  */
  readonly delete?: string;
}

export function postgresClusterTimeoutsToTerraform(struct?: PostgresClusterTimeouts | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    create: cdktn.stringToTerraform(struct!.create),
    update: cdktn.stringToTerraform(struct!.update),
    delete: cdktn.stringToTerraform(struct!.delete),
  }
}


export function postgresClusterTimeoutsToHclTerraform(struct?: PostgresClusterTimeouts | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    create: {
      value: cdktn.stringToHclTerraform(struct!.create),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    update: {
      value: cdktn.stringToHclTerraform(struct!.update),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    delete: {
      value: cdktn.stringToHclTerraform(struct!.delete),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PostgresClusterTimeoutsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PostgresClusterTimeouts | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._create !== undefined) {
      hasAnyValues = true;
      internalValueResult.create = this._create;
    }
    if (this._update !== undefined) {
      hasAnyValues = true;
      internalValueResult.update = this._update;
    }
    if (this._delete !== undefined) {
      hasAnyValues = true;
      internalValueResult.delete = this._delete;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresClusterTimeouts | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._create = undefined;
      this._update = undefined;
      this._delete = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._create = value.create;
      this._update = value.update;
      this._delete = value.delete;
    }
  }

  // create - computed: false, optional: true, required: false
  private _create?: string; 
  public get create() {
    return this.getStringAttribute('create');
  }
  public set create(value: string) {
    this._create = value;
  }
  public resetCreate() {
    this._create = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get createInput() {
    return this._create;
  }

  // update - computed: false, optional: true, required: false
  private _update?: string; 
  public get update() {
    return this.getStringAttribute('update');
  }
  public set update(value: string) {
    this._update = value;
  }
  public resetUpdate() {
    this._update = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get updateInput() {
    return this._update;
  }

  // delete - computed: false, optional: true, required: false
  private _delete?: string; 
  public get delete() {
    return this.getStringAttribute('delete');
  }
  public set delete(value: string) {
    this._delete = value;
  }
  public resetDelete() {
    this._delete = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteInput() {
    return this._delete;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster hikube_postgres_cluster}
*/
export class PostgresCluster extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "hikube_postgres_cluster";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a PostgresCluster resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the PostgresCluster to import
  * @param importFromId The id of the existing PostgresCluster that should be imported. Refer to the {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the PostgresCluster to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "hikube_postgres_cluster", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/hikube/hikube/latest/docs/resources/postgres_cluster hikube_postgres_cluster} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options PostgresClusterConfig
  */
  public constructor(scope: Construct, id: string, config: PostgresClusterConfig) {
    super(scope, id, {
      terraformResourceType: 'hikube_postgres_cluster',
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
    this._name = config.name;
    this._namespace = config.namespace;
    this._version = config.version;
    this._replicas = config.replicas;
    this._syncMode = config.syncMode;
    this._minSyncReplicas = config.minSyncReplicas;
    this._maxSyncReplicas = config.maxSyncReplicas;
    this._zones = config.zones;
    this._primaryZone = config.primaryZone;
    this._schedulingClass = config.schedulingClass;
    this._resourcesPreset = config.resourcesPreset;
    this._cpu = config.cpu;
    this._memory = config.memory;
    this._storageSize = config.storageSize;
    this._storageClass = config.storageClass;
    this._external = config.external;
    this._tlsEnabled = config.tlsEnabled;
    this._maxConnections = config.maxConnections;
    this._parameters = config.parameters;
    this._users.internalValue = config.users;
    this._databases.internalValue = config.databases;
    this._backup.internalValue = config.backup;
    this._restore.internalValue = config.restore;
    this._deletionProtection = config.deletionProtection;
    this._allowDestructiveChanges = config.allowDestructiveChanges;
    this._waitFor = config.waitFor;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
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

  // version - computed: true, optional: true, required: false
  private _version?: string; 
  public get version() {
    return this.getStringAttribute('version');
  }
  public set version(value: string) {
    this._version = value;
  }
  public resetVersion() {
    this._version = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get versionInput() {
    return this._version;
  }

  // replicas - computed: true, optional: true, required: false
  private _replicas?: number; 
  public get replicas() {
    return this.getNumberAttribute('replicas');
  }
  public set replicas(value: number) {
    this._replicas = value;
  }
  public resetReplicas() {
    this._replicas = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get replicasInput() {
    return this._replicas;
  }

  // sync_mode - computed: true, optional: true, required: false
  private _syncMode?: string; 
  public get syncMode() {
    return this.getStringAttribute('sync_mode');
  }
  public set syncMode(value: string) {
    this._syncMode = value;
  }
  public resetSyncMode() {
    this._syncMode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get syncModeInput() {
    return this._syncMode;
  }

  // min_sync_replicas - computed: true, optional: true, required: false
  private _minSyncReplicas?: number; 
  public get minSyncReplicas() {
    return this.getNumberAttribute('min_sync_replicas');
  }
  public set minSyncReplicas(value: number) {
    this._minSyncReplicas = value;
  }
  public resetMinSyncReplicas() {
    this._minSyncReplicas = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get minSyncReplicasInput() {
    return this._minSyncReplicas;
  }

  // max_sync_replicas - computed: true, optional: true, required: false
  private _maxSyncReplicas?: number; 
  public get maxSyncReplicas() {
    return this.getNumberAttribute('max_sync_replicas');
  }
  public set maxSyncReplicas(value: number) {
    this._maxSyncReplicas = value;
  }
  public resetMaxSyncReplicas() {
    this._maxSyncReplicas = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxSyncReplicasInput() {
    return this._maxSyncReplicas;
  }

  // zones - computed: true, optional: true, required: false
  private _zones?: string[]; 
  public get zones() {
    return cdktn.Fn.tolist(this.getListAttribute('zones'));
  }
  public set zones(value: string[]) {
    this._zones = value;
  }
  public resetZones() {
    this._zones = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get zonesInput() {
    return this._zones;
  }

  // primary_zone - computed: true, optional: true, required: false
  private _primaryZone?: string; 
  public get primaryZone() {
    return this.getStringAttribute('primary_zone');
  }
  public set primaryZone(value: string) {
    this._primaryZone = value;
  }
  public resetPrimaryZone() {
    this._primaryZone = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryZoneInput() {
    return this._primaryZone;
  }

  // scheduling_class - computed: true, optional: true, required: false
  private _schedulingClass?: string; 
  public get schedulingClass() {
    return this.getStringAttribute('scheduling_class');
  }
  public set schedulingClass(value: string) {
    this._schedulingClass = value;
  }
  public resetSchedulingClass() {
    this._schedulingClass = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get schedulingClassInput() {
    return this._schedulingClass;
  }

  // resources_preset - computed: true, optional: true, required: false
  private _resourcesPreset?: string; 
  public get resourcesPreset() {
    return this.getStringAttribute('resources_preset');
  }
  public set resourcesPreset(value: string) {
    this._resourcesPreset = value;
  }
  public resetResourcesPreset() {
    this._resourcesPreset = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get resourcesPresetInput() {
    return this._resourcesPreset;
  }

  // cpu - computed: false, optional: true, required: false
  private _cpu?: string; 
  public get cpu() {
    return this.getStringAttribute('cpu');
  }
  public set cpu(value: string) {
    this._cpu = value;
  }
  public resetCpu() {
    this._cpu = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cpuInput() {
    return this._cpu;
  }

  // memory - computed: false, optional: true, required: false
  private _memory?: string; 
  public get memory() {
    return this.getStringAttribute('memory');
  }
  public set memory(value: string) {
    this._memory = value;
  }
  public resetMemory() {
    this._memory = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memoryInput() {
    return this._memory;
  }

  // storage_size - computed: true, optional: true, required: false
  private _storageSize?: string; 
  public get storageSize() {
    return this.getStringAttribute('storage_size');
  }
  public set storageSize(value: string) {
    this._storageSize = value;
  }
  public resetStorageSize() {
    this._storageSize = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get storageSizeInput() {
    return this._storageSize;
  }

  // storage_class - computed: true, optional: true, required: false
  private _storageClass?: string; 
  public get storageClass() {
    return this.getStringAttribute('storage_class');
  }
  public set storageClass(value: string) {
    this._storageClass = value;
  }
  public resetStorageClass() {
    this._storageClass = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get storageClassInput() {
    return this._storageClass;
  }

  // external - computed: true, optional: true, required: false
  private _external?: boolean | cdktn.IResolvable; 
  public get external() {
    return this.getBooleanAttribute('external');
  }
  public set external(value: boolean | cdktn.IResolvable) {
    this._external = value;
  }
  public resetExternal() {
    this._external = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get externalInput() {
    return this._external;
  }

  // tls_enabled - computed: false, optional: true, required: false
  private _tlsEnabled?: boolean | cdktn.IResolvable; 
  public get tlsEnabled() {
    return this.getBooleanAttribute('tls_enabled');
  }
  public set tlsEnabled(value: boolean | cdktn.IResolvable) {
    this._tlsEnabled = value;
  }
  public resetTlsEnabled() {
    this._tlsEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tlsEnabledInput() {
    return this._tlsEnabled;
  }

  // max_connections - computed: true, optional: true, required: false
  private _maxConnections?: number; 
  public get maxConnections() {
    return this.getNumberAttribute('max_connections');
  }
  public set maxConnections(value: number) {
    this._maxConnections = value;
  }
  public resetMaxConnections() {
    this._maxConnections = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxConnectionsInput() {
    return this._maxConnections;
  }

  // parameters - computed: false, optional: true, required: false
  private _parameters?: { [key: string]: string }; 
  public get parameters() {
    return this.getStringMapAttribute('parameters');
  }
  public set parameters(value: { [key: string]: string }) {
    this._parameters = value;
  }
  public resetParameters() {
    this._parameters = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get parametersInput() {
    return this._parameters;
  }

  // users - computed: false, optional: true, required: false
  private _users = new PostgresClusterUsersMap(this, "users");
  public get users() {
    return this._users;
  }
  public putUsers(value: { [key: string]: PostgresClusterUsers } | cdktn.IResolvable) {
    this._users.internalValue = value;
  }
  public resetUsers() {
    this._users.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get usersInput() {
    return this._users.internalValue;
  }

  // databases - computed: false, optional: true, required: false
  private _databases = new PostgresClusterDatabasesMap(this, "databases");
  public get databases() {
    return this._databases;
  }
  public putDatabases(value: { [key: string]: PostgresClusterDatabases } | cdktn.IResolvable) {
    this._databases.internalValue = value;
  }
  public resetDatabases() {
    this._databases.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get databasesInput() {
    return this._databases.internalValue;
  }

  // backup - computed: false, optional: true, required: false
  private _backup = new PostgresClusterBackupOutputReference(this, "backup");
  public get backup() {
    return this._backup;
  }
  public putBackup(value: PostgresClusterBackup) {
    this._backup.internalValue = value;
  }
  public resetBackup() {
    this._backup.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get backupInput() {
    return this._backup.internalValue;
  }

  // restore - computed: false, optional: true, required: false
  private _restore = new PostgresClusterRestoreOutputReference(this, "restore");
  public get restore() {
    return this._restore;
  }
  public putRestore(value: PostgresClusterRestore) {
    this._restore.internalValue = value;
  }
  public resetRestore() {
    this._restore.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get restoreInput() {
    return this._restore.internalValue;
  }

  // deletion_protection - computed: true, optional: true, required: false
  private _deletionProtection?: boolean | cdktn.IResolvable; 
  public get deletionProtection() {
    return this.getBooleanAttribute('deletion_protection');
  }
  public set deletionProtection(value: boolean | cdktn.IResolvable) {
    this._deletionProtection = value;
  }
  public resetDeletionProtection() {
    this._deletionProtection = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deletionProtectionInput() {
    return this._deletionProtection;
  }

  // allow_destructive_changes - computed: true, optional: true, required: false
  private _allowDestructiveChanges?: boolean | cdktn.IResolvable; 
  public get allowDestructiveChanges() {
    return this.getBooleanAttribute('allow_destructive_changes');
  }
  public set allowDestructiveChanges(value: boolean | cdktn.IResolvable) {
    this._allowDestructiveChanges = value;
  }
  public resetAllowDestructiveChanges() {
    this._allowDestructiveChanges = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get allowDestructiveChangesInput() {
    return this._allowDestructiveChanges;
  }

  // wait_for - computed: true, optional: true, required: false
  private _waitFor?: string; 
  public get waitFor() {
    return this.getStringAttribute('wait_for');
  }
  public set waitFor(value: string) {
    this._waitFor = value;
  }
  public resetWaitFor() {
    this._waitFor = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get waitForInput() {
    return this._waitFor;
  }

  // ready - computed: true, optional: false, required: false
  public get ready() {
    return this.getBooleanAttribute('ready');
  }

  // chart_version - computed: true, optional: false, required: false
  public get chartVersion() {
    return this.getStringAttribute('chart_version');
  }

  // current_primary - computed: true, optional: false, required: false
  public get currentPrimary() {
    return this.getStringAttribute('current_primary');
  }

  // instances - computed: true, optional: false, required: false
  private _instances = new PostgresClusterInstancesList(this, "instances", false);
  public get instances() {
    return this._instances;
  }

  // endpoints - computed: true, optional: false, required: false
  private _endpoints = new PostgresClusterEndpointsOutputReference(this, "endpoints");
  public get endpoints() {
    return this._endpoints;
  }

  // credentials - computed: true, optional: false, required: false
  private _credentials = new cdktn.StringMap(this, "credentials");
  public get credentials() {
    return this._credentials;
  }

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute('status');
  }

  // host - computed: true, optional: false, required: false
  public get host() {
    return this.getStringAttribute('host');
  }

  // port - computed: true, optional: false, required: false
  public get port() {
    return this.getNumberAttribute('port');
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // connection_uris - computed: true, optional: false, required: false
  private _connectionUris = new PostgresClusterConnectionUrisMap(this, "connection_uris");
  public get connectionUris() {
    return this._connectionUris;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new PostgresClusterTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: PostgresClusterTimeouts) {
    this._timeouts.internalValue = value;
  }
  public resetTimeouts() {
    this._timeouts.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutsInput() {
    return this._timeouts.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      name: cdktn.stringToTerraform(this._name),
      namespace: cdktn.stringToTerraform(this._namespace),
      version: cdktn.stringToTerraform(this._version),
      replicas: cdktn.numberToTerraform(this._replicas),
      sync_mode: cdktn.stringToTerraform(this._syncMode),
      min_sync_replicas: cdktn.numberToTerraform(this._minSyncReplicas),
      max_sync_replicas: cdktn.numberToTerraform(this._maxSyncReplicas),
      zones: cdktn.listMapper(cdktn.stringToTerraform, false)(this._zones),
      primary_zone: cdktn.stringToTerraform(this._primaryZone),
      scheduling_class: cdktn.stringToTerraform(this._schedulingClass),
      resources_preset: cdktn.stringToTerraform(this._resourcesPreset),
      cpu: cdktn.stringToTerraform(this._cpu),
      memory: cdktn.stringToTerraform(this._memory),
      storage_size: cdktn.stringToTerraform(this._storageSize),
      storage_class: cdktn.stringToTerraform(this._storageClass),
      external: cdktn.booleanToTerraform(this._external),
      tls_enabled: cdktn.booleanToTerraform(this._tlsEnabled),
      max_connections: cdktn.numberToTerraform(this._maxConnections),
      parameters: cdktn.hashMapper(cdktn.stringToTerraform)(this._parameters),
      users: cdktn.hashMapper(postgresClusterUsersToTerraform)(this._users.internalValue),
      databases: cdktn.hashMapper(postgresClusterDatabasesToTerraform)(this._databases.internalValue),
      backup: postgresClusterBackupToTerraform(this._backup.internalValue),
      restore: postgresClusterRestoreToTerraform(this._restore.internalValue),
      deletion_protection: cdktn.booleanToTerraform(this._deletionProtection),
      allow_destructive_changes: cdktn.booleanToTerraform(this._allowDestructiveChanges),
      wait_for: cdktn.stringToTerraform(this._waitFor),
      timeouts: postgresClusterTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      name: {
        value: cdktn.stringToHclTerraform(this._name),
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
      version: {
        value: cdktn.stringToHclTerraform(this._version),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      replicas: {
        value: cdktn.numberToHclTerraform(this._replicas),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      sync_mode: {
        value: cdktn.stringToHclTerraform(this._syncMode),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      min_sync_replicas: {
        value: cdktn.numberToHclTerraform(this._minSyncReplicas),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      max_sync_replicas: {
        value: cdktn.numberToHclTerraform(this._maxSyncReplicas),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      zones: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._zones),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      primary_zone: {
        value: cdktn.stringToHclTerraform(this._primaryZone),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      scheduling_class: {
        value: cdktn.stringToHclTerraform(this._schedulingClass),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      resources_preset: {
        value: cdktn.stringToHclTerraform(this._resourcesPreset),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cpu: {
        value: cdktn.stringToHclTerraform(this._cpu),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      memory: {
        value: cdktn.stringToHclTerraform(this._memory),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      storage_size: {
        value: cdktn.stringToHclTerraform(this._storageSize),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      storage_class: {
        value: cdktn.stringToHclTerraform(this._storageClass),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      external: {
        value: cdktn.booleanToHclTerraform(this._external),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      tls_enabled: {
        value: cdktn.booleanToHclTerraform(this._tlsEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      max_connections: {
        value: cdktn.numberToHclTerraform(this._maxConnections),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      parameters: {
        value: cdktn.hashMapperHcl(cdktn.stringToHclTerraform)(this._parameters),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      users: {
        value: cdktn.hashMapperHcl(postgresClusterUsersToHclTerraform)(this._users.internalValue),
        isBlock: true,
        type: "map",
        storageClassType: "PostgresClusterUsersMap",
      },
      databases: {
        value: cdktn.hashMapperHcl(postgresClusterDatabasesToHclTerraform)(this._databases.internalValue),
        isBlock: true,
        type: "map",
        storageClassType: "PostgresClusterDatabasesMap",
      },
      backup: {
        value: postgresClusterBackupToHclTerraform(this._backup.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "PostgresClusterBackup",
      },
      restore: {
        value: postgresClusterRestoreToHclTerraform(this._restore.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "PostgresClusterRestore",
      },
      deletion_protection: {
        value: cdktn.booleanToHclTerraform(this._deletionProtection),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      allow_destructive_changes: {
        value: cdktn.booleanToHclTerraform(this._allowDestructiveChanges),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      wait_for: {
        value: cdktn.stringToHclTerraform(this._waitFor),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeouts: {
        value: postgresClusterTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "PostgresClusterTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
