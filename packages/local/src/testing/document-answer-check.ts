// Checks an answer of the public API against its schema in the document, strictly, for this
// package's tests: each field the document names has its type, int64 values come as strings of
// digits (the API's convention), times are RFC 3339, and no field is missing from the document.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export interface SchemaNode {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: string[];
}

export interface PublicDocument {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, { $ref?: string }> }>>;
  components: { schemas: Record<string, SchemaNode>; responses: Record<string, { content?: Record<string, { schema?: SchemaNode }> }> };
}

/** The public API's document, as `@hikube/sdk` ships it. */
export function loadPublicDocument(): PublicDocument {
  const path = fileURLToPath(import.meta.resolve('@hikube/sdk/openapi/hikube-public.yaml'));
  return parseYaml(readFileSync(path, 'utf8')) as PublicDocument;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function resolved(doc: PublicDocument, node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace('#/components/schemas/', '');
  const target = doc.components.schemas[name];
  if (!target) throw new Error(`the document has no schema ${name}`);
  return resolved(doc, target);
}

/** Every way `value` differs from `schema` (empty when it conforms), each with the field's path. */
export function answerProblems(doc: PublicDocument, schema: SchemaNode, value: unknown, path = 'body'): string[] {
  const node = resolved(doc, schema);
  switch (node.type) {
    case 'string':
      if (typeof value !== 'string') return [`${path}: want a string, got ${JSON.stringify(value)}`];
      return node.format === 'date-time' && !RFC3339.test(value) ? [`${path}: want an RFC 3339 time, got ${value}`] : [];
    case 'integer':
      // int64 travels as a string of digits, as Hikube sends it
      if (node.format === 'int64')
        return typeof value === 'string' && /^-?\d+$/.test(value) ? [] : [`${path}: want an int64 as a string of digits, got ${JSON.stringify(value)}`];
      return Number.isInteger(value) ? [] : [`${path}: want an integer, got ${JSON.stringify(value)}`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: want a boolean, got ${JSON.stringify(value)}`];
    case 'array':
      if (!Array.isArray(value)) return [`${path}: want an array, got ${JSON.stringify(value)}`];
      return value.flatMap((item, i) => answerProblems(doc, node.items ?? {}, item, `${path}[${i}]`));
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path}: want an object, got ${JSON.stringify(value)}`];
      const record = value as Record<string, unknown>;
      const problems = (node.required ?? []).filter((name) => !(name in record)).map((name) => `${path}.${name}: missing`);
      for (const [name, field] of Object.entries(record)) {
        const declared = node.properties?.[name] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
        if (declared) problems.push(...answerProblems(doc, declared, field, `${path}.${name}`));
        else problems.push(`${path}.${name}: not in the document`);
      }
      return problems;
    }
    default:
      return [];
  }
}
