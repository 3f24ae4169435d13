// A request body read with the document's own schema: int64 fields may come as strings (the API
// sends them so, and the docs' PATCH recipe sends back what GET returned), then zod's issue path
// names the field in the 400.
import { publicSchemas } from '@hikube/sdk/public';
import { BodyLimitError, scanJson } from '../api/body-limits.js';
import { invalidField } from './public-error.js';

const int64Fields = new Set(['replicas', 'size', 'maxConnections', 'minSyncReplicas', 'maxSyncReplicas']);

/** A copy with every int64 field given as a string of digits turned into its number. */
function numbersFromStrings(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && int64Fields.has(key) && /^-?[0-9]+$/.test(value)) return Number(value);
  if (Array.isArray(value)) return value.map((item) => numbersFromStrings(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, numbersFromStrings(v, k)]),
    );
  }
  return value;
}

type SchemaName = keyof typeof publicSchemas;

/** The part of a zod schema this module uses (zod itself is the SDK's dependency, not ours). */
interface BodySchema {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** The body as schema `name` (e.g. `ClusterCreate`) reads it, or a 400 naming the first bad field. */
export function parseBody<T>(text: string, name: string): T {
  let json: unknown;
  let duplicates: string[];
  try {
    // bounded before parsing, as on the Kubernetes front: depth and key count (body-limits.ts)
    ({ duplicates } = scanJson(text));
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch (err) {
    throw invalidField('body', err instanceof BodyLimitError ? err.message : 'not valid JSON');
  }
  // JSON.parse would keep the last of two values silently; the caller meant one of them.
  const duplicate = duplicates[0];
  if (duplicate !== undefined) throw invalidField(duplicate, 'the key is given more than once in the body; send it once');
  const schema = publicSchemas[`${name.charAt(0).toLowerCase()}${name.slice(1)}Schema` as SchemaName] as unknown as BodySchema | undefined;
  if (!schema) throw new Error(`the document has no schema ${name}`);
  const parsed = schema.safeParse(numbersFromStrings(json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'body';
    throw invalidField(field, issue?.message ?? 'invalid');
  }
  return parsed.data as T;
}
