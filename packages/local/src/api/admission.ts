// Admission for writes through the API: object names, the Postgres spec defaults (from the SDK's
// policy, the one source of truth), the platform's immutable storageClass, SchedulingClass shape,
// and unknown-field handling per `fieldValidation`. A Postgres spec is not validated here: like
// Cozystack's aggregated API (which checks the name only), the write is stored and the release
// fails later (Ready=False, InstallFailed/UpgradeFailed; see controllers/release-status.ts).

import { applyPostgresDefaults, applySchedulingClassDefaults, validateSchedulingClass } from '@hikube/sdk/kubernetes';
import type { KubeObject } from '../store/kube-object.js';
import type { ResourceType } from '../store/resource-types.js';
import type { ExtraPostgresField } from './extra-postgres-fields.js';
import { postgresValidation } from './platform-fields.js';
import { removeField } from './prune-unknown.js';
import { badRequest, invalid, type StatusCause } from './status-error.js';

export interface PolicyIssue {
  path: string;
  rule: string;
  message: string;
}

/** Validation (schema + platform rules) and defaults of one kind, as the SDK provides them. */
export interface KindPolicy {
  validate(object: unknown): PolicyIssue[];
  applyDefaults(spec: Record<string, unknown>): Record<string, unknown>;
  /** Only the name and unknown fields are refused at write; the spec's rules are left to the release. */
  readonly namesOnly?: boolean;
}

/**
 * The SDK's policies: the one source of truth for the Postgres and SchedulingClass schemas. The
 * Postgres one checks only the spec fields the emulated platform has (see platform-fields.ts).
 */
export function sdkPolicies(extraPostgresFields: readonly ExtraPostgresField[] = []): Readonly<Record<string, KindPolicy>> {
  return {
    Postgres: {
      validate: postgresValidation(extraPostgresFields),
      applyDefaults: (spec) => applyPostgresDefaults(spec) as Record<string, unknown>,
      namesOnly: true,
    },
    SchedulingClass: { validate: validateSchedulingClass, applyDefaults: (spec) => applySchedulingClassDefaults(spec) as Record<string, unknown> },
  };
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const TOP_LEVEL: Record<string, Set<string>> = {
  Postgres: new Set(['apiVersion', 'kind', 'metadata', 'spec', 'status', 'appVersion']),
  SchedulingClass: new Set(['apiVersion', 'kind', 'metadata', 'spec']),
};
const METADATA = new Set([
  'name',
  'generateName',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'finalizers',
  'ownerReferences',
  'managedFields',
  'selfLink',
]);

function nameCauses(type: ResourceType, name: string): StatusCause[] {
  const bad = (message: string): StatusCause[] => [{ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": ${message}` }];
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    return bad(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
    );
  }
  return [];
}

/** Unknown top-level fields (the schema inside spec is the policy's job). */
function unknownTopLevel(type: ResourceType, obj: KubeObject): string[] {
  const top = TOP_LEVEL[type.kind];
  return top ? Object.keys(obj).filter((k) => !top.has(k)) : [];
}

function unknownMetadata(obj: KubeObject): string[] {
  return Object.keys(obj.metadata).filter((k) => !METADATA.has(k));
}

export interface AdmissionResult {
  object: KubeObject;
  warnings: string[];
}

export class Admission {
  constructor(private readonly policies: Readonly<Record<string, KindPolicy>> = sdkPolicies()) {}

  /** Checks and defaults `obj` for create (old undefined) or update. Throws 400/422 Status errors. */
  admit(type: ResourceType, obj: KubeObject, old: KubeObject | undefined, fieldValidation: FieldValidation): AdmissionResult {
    const target = { group: type.group, plural: type.plural, kind: type.kind, name: obj.metadata.name };
    const warnings: string[] = [];
    const causes: StatusCause[] = [];
    const policy = this.policies[type.kind];
    // The policy checks names of its kind itself (e.g. Postgres: DNS-1035, at most 44 characters).
    if (!old && !policy) causes.push(...nameCauses(type, obj.metadata.name));
    const topLevelUnknown = unknownTopLevel(type, obj);
    const metadataUnknown = unknownMetadata(obj);
    const specUnknown: string[] = [];
    const unknown = [...topLevelUnknown, ...metadataUnknown.map((k) => `metadata.${k}`)];
    if (policy) {
      const spec = typeof obj['spec'] === 'object' && obj['spec'] !== null ? (obj['spec'] as Record<string, unknown>) : {};
      obj['spec'] = policy.applyDefaults(structuredClone(spec));
      for (const issue of policy.validate(obj)) {
        if (old && issue.path === 'metadata.name') continue; // names are checked when created
        if (issue.rule === 'additionalProperties') {
          unknown.push(issue.path);
          specUnknown.push(issue.path);
          continue;
        }
        if (policy.namesOnly && !issue.path.startsWith('metadata.')) continue;
        causes.push({ reason: reasonFor(issue.rule), field: issue.path, message: issue.message });
      }
    }
    if (type.kind === 'Postgres' && old) {
      const before = (old['spec'] as Record<string, unknown> | undefined)?.['storageClass'] ?? '';
      const after = (obj['spec'] as Record<string, unknown> | undefined)?.['storageClass'] ?? '';
      if (before !== after) {
        causes.push({
          reason: 'FieldValueInvalid',
          field: 'spec.storageClass',
          message: `Invalid value: "${String(after)}": field is immutable (was "${String(before)}"); create a new Postgres to change the storage class`,
        });
      }
    }
    if (unknown.length && fieldValidation === 'Strict') {
      throw badRequest(
        unknown.length === 1
          ? `strict decoding error: unknown field "${unknown[0] as string}"`
          : `strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
      );
    }
    if (fieldValidation === 'Warn') for (const f of unknown) warnings.push(`unknown field "${f}"`);
    // Warned about or ignored, an unknown field is still dropped, as kube-apiserver prunes it.
    for (const key of topLevelUnknown) delete obj[key];
    for (const key of metadataUnknown) delete (obj.metadata as Record<string, unknown>)[key];
    for (const path of specUnknown) removeField(obj, path);
    if (causes.length) throw invalid(target, causes);
    return { object: obj, warnings };
  }
}

function reasonFor(rule: string): string {
  if (rule === 'required') return 'FieldValueRequired';
  if (rule === 'enum') return 'FieldValueNotSupported';
  if (rule === 'type') return 'FieldValueTypeInvalid';
  if (rule === 'reservedUser' || rule === 'reservedDatabase' || rule === 'blockedParameter' || rule === 'operatorManagedParameter')
    return 'FieldValueForbidden';
  return 'FieldValueInvalid';
}
