// Which Cozystack platform Hikube Local emulates. By default Cozystack v1.6.2: its Postgres chart's
// values.schema.json has no `schedulingClass`, so Local neither publishes that field in its OpenAPI
// document nor keeps it (admission treats it as any field the chart lacks: `fieldValidation`
// decides between 400, a warning or silently dropping it). `extraPostgresFields` emulates a
// platform whose schema has such a field, so clients' support for it stays tested.

import { validatePostgres } from '@hikube/sdk/kubernetes';
import type { KindPolicy, PolicyIssue } from './admission.js';
import { EXTRA_POSTGRES_FIELDS, type ExtraPostgresField } from './extra-postgres-fields.js';
import type { SchemaComponents } from './openapi.js';

function absentFields(enabled: readonly ExtraPostgresField[]): ExtraPostgresField[] {
  return EXTRA_POSTGRES_FIELDS.filter((field) => !enabled.includes(field));
}

/** The SDK document's schemas without the spec fields this platform lacks. */
export function platformSchemas(components: SchemaComponents, enabled: readonly ExtraPostgresField[]): SchemaComponents {
  const spec = components['PostgresSpec'] as { properties?: Record<string, unknown> } | undefined;
  if (!spec?.properties) return components;
  const properties = { ...spec.properties };
  for (const field of absentFields(enabled)) delete properties[field];
  return { ...components, PostgresSpec: { ...spec, properties } };
}

/**
 * The SDK's Postgres validation, with each absent field reported as unknown
 * (`additionalProperties`) and none of its own rules checked, as for any field the chart lacks.
 */
export function postgresValidation(enabled: readonly ExtraPostgresField[]): KindPolicy['validate'] {
  const absent = absentFields(enabled);
  if (!absent.length) return validatePostgres;
  return (object) => {
    const spec = (object as { spec?: unknown }).spec;
    const present = typeof spec === 'object' && spec !== null ? absent.filter((field) => Object.hasOwn(spec, field)) : [];
    const ownRule = (issue: PolicyIssue) => present.some((field) => issue.path === `spec.${field}` || issue.path.startsWith(`spec.${field}.`));
    const unknown = present.map((field) => ({ path: `spec.${field}`, rule: 'additionalProperties', message: `unknown field "spec.${field}"` }));
    return [...validatePostgres(object).filter((issue) => !ownRule(issue)), ...unknown];
  };
}
