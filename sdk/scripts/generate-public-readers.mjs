// Renders src/generated/public/readers.ts: one plain function per response schema that reads an
// answer exactly as the zod response form does (int64 from a number or a string of digits, null or
// absent fields as their default, unknown fields kept) at a fraction of its cost: a list of 500
// clusters through zod costs several times its JSON.parse. The readers convert the freshly parsed
// answer where it lies instead of copying it. A test holds every reader to its zod schema on
// valid, mutated and malformed answers.
import { refName } from './schema-graph.mjs';

const lit = (value) => JSON.stringify(value);

export class ReaderWriter {
  /** `names`: the response schemas in declaration order (each after those it references). */
  constructor(schemas, names, banner) {
    this.schemas = schemas;
    this.names = names;
    this.banner = banner;
  }

  /** An expression reading `value` (a defined, non-null value) at `path`.`key` with `schema`. */
  read(schema, value, path, key) {
    if (schema.$ref) return `read${refName(schema.$ref)}(${value}, at(${path}, ${key}))`;
    if (Object.keys(schema).filter((k) => k !== 'description').length === 0) return value;
    switch (schema.type) {
      case 'string':
        return `str(${value}, ${path}, ${key})`;
      case 'boolean':
        return `bool(${value}, ${path}, ${key})`;
      case 'integer':
        return `${schema.format === 'int64' ? 'int64' : 'int'}(${value}, ${path}, ${key})`;
      case 'array':
        return `list(${value}, at(${path}, ${key}), (item, itemPath, index) => ${this.read(schema.items, 'item', 'itemPath', 'index')})`;
      case 'object':
        if (Object.keys(schema.properties ?? {}).length === 0 && schema.additionalProperties) {
          return `record(${value}, at(${path}, ${key}), (item, itemPath, name) => ${this.read(schema.additionalProperties, 'item', 'itemPath', 'name')})`;
        }
        throw new Error(`inline object schemas are not read: give it a name in components.schemas (${lit(schema)})`);
      default:
        throw new Error(`unsupported schema ${lit(schema)}`);
    }
  }

  /** The statement that sets one property of `out` from `input`. */
  property(name, property, required) {
    const key = lit(name);
    const read = this.read(property, 'v', 'path', key);
    if (required) return `  v = out[${key}]; if (v === undefined) missing(path, ${key}); out[${key}] = ${read};`;
    if (property.default !== undefined) {
      const isObject = property.$ref || property.type === 'object';
      // As zod's prefault: an object default is read like a value, so its own defaults fill in.
      const fallback = isObject ? this.read(property, lit(property.default), 'path', key) : lit(property.default);
      return `  v = out[${key}]; out[${key}] = v === undefined ? ${fallback} : ${read};`;
    }
    return `  v = out[${key}]; if (v !== undefined) out[${key}] = ${read};`;
  }

  reader(name) {
    const schema = this.schemas[name];
    const properties = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    const summary = schema.description ? `/** ${schema.description.trim().split('\n')[0]} */\n` : '';
    return [
      `${summary}export function read${name}(value: unknown, path = ''): ${name} {`,
      '  const out = withoutNulls(object(value, path));',
      ...(Object.keys(properties).length > 0 ? ['  let v: unknown;'] : []),
      ...Object.entries(properties).map(([field, property]) => this.property(field, property, required.has(field))),
      `  return out as unknown as ${name};`,
      '}',
      '',
    ].join('\n');
  }

  render() {
    return [
      this.banner,
      `import type { ${[...this.names].sort().join(', ')} } from './zod.js';`,
      '',
      '// Each reader converts a freshly parsed answer in place and returns it: the caller owns it.',
      '',
      '/** An answer that is not the documented shape; `path` names the field, as a zod issue path would. */',
      'export class ResponseShapeError extends Error {',
      '  constructor(readonly path: string, expected: string) {',
      "    super(`${path === '' ? '(the body)' : path}: expected ${expected}`);",
      '  }',
      '}',
      '',
      "const at = (path: string, key: string | number): string => (path === '' ? String(key) : `${path}.${key}`);",
      'const fail = (path: string, key: string | number, expected: string): never => {',
      '  throw new ResponseShapeError(at(path, key), expected);',
      '};',
      "const missing = (path: string, key: string): never => fail(path, key, 'a value');",
      'const digits = /^-?[0-9]+$/;',
      '',
      "const str = (v: unknown, path: string, key: string | number): string => (typeof v === 'string' ? v : fail(path, key, 'a string'));",
      "const bool = (v: unknown, path: string, key: string | number): boolean => (typeof v === 'boolean' ? v : fail(path, key, 'a boolean'));",
      "const int = (v: unknown, path: string, key: string | number): number => (Number.isSafeInteger(v) ? (v as number) : fail(path, key, 'an integer'));",
      '/** The API writes 64-bit integers as JSON strings; either form reads as a number. */',
      'function int64(v: unknown, path: string, key: string | number): number {',
      "  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : fail(path, key, 'an integer or a string of digits');",
      "  return typeof v === 'string' && digits.test(v) ? Number(v) : fail(path, key, 'an integer or a string of digits');",
      '}',
      '',
      'function object(value: unknown, path: string): Record<string, unknown> {',
      "  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ResponseShapeError(path, 'an object');",
      '  return value as Record<string, unknown>;',
      '}',
      '',
      '/** A null field is an absent one. Fields this SDK does not know stay (the API is a preview and grows). */',
      'function withoutNulls(input: Record<string, unknown>): Record<string, unknown> {',
      '  for (const key in input) if (input[key] === null) delete input[key];',
      '  return input;',
      '}',
      '',
      'function list<T>(value: unknown, path: string, item: (value: unknown, path: string, index: number) => T): T[] {',
      "  if (!Array.isArray(value)) throw new ResponseShapeError(path, 'an array');",
      '  for (let i = 0; i < value.length; i += 1) value[i] = item(value[i], path, i);',
      '  return value as T[];',
      '}',
      '',
      'function record<T>(value: unknown, path: string, item: (value: unknown, path: string, name: string) => T): Record<string, T> {',
      '  const input = object(value, path);',
      '  for (const name in input) input[name] = item(input[name], path, name);',
      '  return input as Record<string, T>;',
      '}',
      '',
      ...this.names.map((name) => this.reader(name)),
      '/** Every reader by schema name. */',
      `export const publicReaders = {\n${this.names.map((name) => `  ${name}: read${name},`).join('\n')}\n} as const;`,
      '',
    ].join('\n');
  }
}
