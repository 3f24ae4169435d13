// Which of `spec.users` / `spec.databases` a hikube_postgres_cluster manages inline, written on
// the Postgres object itself. Terraform shows a resource nothing of another resource's
// configuration, so this annotation is what lets hikube_postgres_user/_database refuse a cluster
// that manages its users or databases inline, and lets an import know which maps to read.
import type { PostgresClusterArgs } from './model.js';
import type { PostgresObject } from './postgres-spec.js';

export const inlineMapsAnnotation = 'hikube.cloud/terraform-inline-maps';

export type InlineMap = 'users' | 'databases';

/** The annotation's value for a configuration: `users,databases`, `users`, `databases` or `none`. */
export function inlineMapsValue(args: Pick<PostgresClusterArgs, 'users' | 'databases'>): string {
  const maps = (['users', 'databases'] as const).filter((map) => args[map] !== null);
  return maps.length === 0 ? 'none' : maps.join(',');
}

/** The maps the object says a cluster resource manages inline; null when it does not say (made elsewhere, or by an older provider). */
export function declaredInlineMaps(object: Pick<PostgresObject, 'metadata'>): ReadonlySet<InlineMap> | null {
  const value = object.metadata.annotations?.[inlineMapsAnnotation];
  if (value === undefined) return null;
  return new Set(value.split(',').filter((map): map is InlineMap => map === 'users' || map === 'databases'));
}
