// The kinds Hikube Local serves, as data: discovery, routing, storage keys and access rules all
// read this one table.

export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  /** Has a status subresource: main-resource writes keep the stored status. */
  hasStatus: boolean;
  categories: string[];
  /** Verbs served (discovery advertises exactly these; others are 405). */
  verbs: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const READ_VERBS = ['get', 'list', 'watch'];

export const POSTGRES: ResourceType = {
  group: 'apps.cozystack.io',
  version: 'v1alpha1',
  plural: 'postgreses',
  singular: 'postgres',
  kind: 'Postgres',
  namespaced: true,
  shortNames: ['pg'],
  hasStatus: true,
  categories: ['all'],
  verbs: ALL_VERBS,
};

export const SCHEDULING_CLASS: ResourceType = {
  group: 'cozystack.io',
  version: 'v1alpha1',
  plural: 'schedulingclasses',
  singular: 'schedulingclass',
  kind: 'SchedulingClass',
  namespaced: false,
  shortNames: [],
  hasStatus: false,
  categories: [],
  verbs: ALL_VERBS,
};

export const TENANT_SECRET: ResourceType = {
  group: 'core.cozystack.io',
  version: 'v1alpha1',
  plural: 'tenantsecrets',
  singular: 'tenantsecret',
  kind: 'TenantSecret',
  namespaced: true,
  shortNames: [],
  hasStatus: false,
  categories: [],
  verbs: READ_VERBS,
};

function core(plural: string, singular: string, kind: string, namespaced: boolean, shortNames: string[], hasStatus: boolean): ResourceType {
  return { group: '', version: 'v1', plural, singular, kind, namespaced, shortNames, hasStatus, categories: [], verbs: READ_VERBS };
}

export const POD = { ...core('pods', 'pod', 'Pod', true, ['po'], true), categories: ['all'], verbs: [...READ_VERBS, 'delete'] };
export const SERVICE = { ...core('services', 'service', 'Service', true, ['svc'], true), categories: ['all'] };
export const SECRET = core('secrets', 'secret', 'Secret', true, [], false);
export const EVENT = core('events', 'event', 'Event', true, ['ev'], false);
// The admin labels a namespace with its tenant's SchedulingClass (`kubectl label namespace`).
export const NAMESPACE = { ...core('namespaces', 'namespace', 'Namespace', false, ['ns'], true), verbs: [...READ_VERBS, 'patch', 'update'] };

export const RESOURCE_TYPES: readonly ResourceType[] = [POSTGRES, SCHEDULING_CLASS, TENANT_SECRET, POD, SERVICE, SECRET, EVENT, NAMESPACE];

/** Storage key of a resource type: `postgreses.apps.cozystack.io`, `pods`. */
export function storageKey(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

export function findResourceType(group: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.plural === plural);
}

export function findByKind(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.kind === kind);
}
