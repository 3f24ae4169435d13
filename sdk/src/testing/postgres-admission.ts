// What the test server refuses on a Postgres write, as the platform's API does: a spec that breaks
// the document's rules on create, a changed storageClass on update.
import { validatePostgres } from '../validation/validate-postgres.js';
import type { KubeObject } from './kube-object.js';

/** A 422 Invalid answer: the message and the Status details. */
export interface Refusal {
  message: string;
  details: { name: string; kind: 'Postgres'; causes: { reason: 'FieldValueInvalid'; field: string; message: string }[] };
}

/** Why a create of `object` in `namespace` is refused, or undefined when it is not. */
export function refuseCreate(object: KubeObject, namespace: string | undefined): Refusal | undefined {
  const name = object.metadata?.name ?? '';
  const issues = validatePostgres({ ...object, metadata: { ...object.metadata, namespace } });
  if (issues.length === 0) return undefined;
  return {
    message: `Postgres.apps.cozystack.io "${name}" is invalid`,
    details: { name, kind: 'Postgres', causes: issues.map((issue) => ({ reason: 'FieldValueInvalid', field: issue.path, message: issue.message })) },
  };
}

/** Why replacing `existing` with `next` is refused, or undefined when it is not. */
export function refuseUpdate(existing: KubeObject, next: KubeObject): Refusal | undefined {
  if ((next.spec?.['storageClass'] ?? '') === (existing.spec?.['storageClass'] ?? '')) return undefined;
  const name = existing.metadata.name ?? '';
  return {
    message: `Postgres.apps.cozystack.io "${name}" is invalid: spec.storageClass: Invalid value: storageClass is immutable`,
    details: { name, kind: 'Postgres', causes: [{ reason: 'FieldValueInvalid', field: 'spec.storageClass', message: 'storageClass is immutable' }] },
  };
}
