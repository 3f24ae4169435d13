// Renders src/generated/public/readers.ts: one plain function per response schema that reads an
// answer exactly as the zod response form does (int64 from a number or a string of digits, null or
// absent fields as their default, unknown fields kept) at a fraction of its cost: a list of 500
// clusters through zod costs several times its JSON.parse. The readers convert the freshly parsed
// answer where it lies instead of copying it. A test holds every reader to its zod schema on
// valid, mutated and malformed answers. An error's path is built only on the way out of a failed
// read, so a valid answer costs no string building.
import { refName } from './schema-graph.mjs';

const lit = (value) => JSON.stringify(value);

export class ReaderWriter {
  /** `names`: the response schemas in declaration order (each after those it references). */
  constructor(schemas, names, banner) {
    this.schemas = schemas;
    this.names = names;
    this.banner = banner;
  }

  /**
   * An expression reading `value` (a defined, non-null value) with `schema`. `key` names the value
   * in an error (a scalar fails with it; a nested reader's error gets it from the caller's catch).
   */
  read(schema, value, key) {
    if (schema.$ref) return `read${refName(schema.$ref)}(${value})`;
    if (Object.keys(schema).filter((k) => k !== 'description').length === 0) return value;
    switch (schema.type) {
      case 'string':
        return `str(${value}, ${key})`;
      case 'boolean':
        return `bool(${value}, ${key})`;
      case 'integer':
        return `${schema.format === 'int64' ? 'int64' : 'int'}(${value}, ${key})`;
      case 'array':
        return `list(${value}, ${this.item(schema.items)})`;
      case 'object':
        if (Object.keys(schema.properties ?? {}).length === 0 && schema.additionalProperties) {
          return `record(${value}, ${this.item(schema.additionalProperties)})`;
        }
        throw new Error(`inline object schemas are not read: give it a name in components.schemas (${lit(schema)})`);
      default:
        throw new Error(`unsupported schema ${lit(schema)}`);
    }
  }

  /** The function reading one item of a list or record (whose loop puts the index or name in an error's path). */
  item(schema) {
    if (schema.$ref) return `read${refName(schema.$ref)}`;
    return `(item: unknown) => ${this.read(schema, 'item', "''")}`;
  }

  /** Whether reading with `schema` calls another reader, whose error needs the key put in front of its path. */
  nests(schema) {
    return Boolean(schema.$ref) || schema.type === 'array' || schema.type === 'object';
  }

  /** The statement that sets one property of `out` from `input`. */
  property(name, property, required) {
    const key = lit(name);
    const read = this.read(property, 'v', key);
    let statement;
    if (required) statement = `if (v === undefined) missing(${key}); out[${key}] = ${read};`;
    else if (property.default !== undefined) {
      const isObject = property.$ref || property.type === 'object';
      // As zod's prefault: an object default is read like a value, so its own defaults fill in.
      const fallback = isObject ? this.read(property, lit(property.default), key) : lit(property.default);
      statement = `out[${key}] = v === undefined ? ${fallback} : ${read};`;
    } else statement = `if (v !== undefined) out[${key}] = ${read};`;
    // The path of a nested error is built here, on the way out, so a valid answer builds none.
    if (this.nests(property)) return `  v = out[${key}];\n  try {\n    ${statement}\n  } catch (error) {\n    throw within(error, ${key});\n  }`;
    return `  v = out[${key}]; ${statement}`;
  }

  reader(name) {
    const schema = this.schemas[name];
    const properties = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    const summary = schema.description ? `/** ${schema.description.trim().split('\n')[0]} */\n` : '';
    return [
      `${summary}export function read${name}(value: unknown): ${name} {`,
      '  const out = withoutNulls(object(value));',
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
      '  #path: string;',
      '  readonly expected: string;',
      '',
      '  constructor(path: string, expected: string) {',
      '    super(describeShape(path, expected));',
      '    this.#path = path;',
      '    this.expected = expected;',
      '  }',
      '',
      "  /** The field that is wrong: `clusters.1.replicas`, or '' for the body itself. */",
      '  get path(): string {',
      '    return this.#path;',
      '  }',
      '',
      '  /** Puts the key of the value holding the wrong field in front of the path, as the error leaves that value. */',
      '  within(key: string | number): this {',
      "    this.#path = this.#path === '' ? String(key) : `${key}.${this.#path}`;",
      '    this.message = describeShape(this.#path, this.expected);',
      '    return this;',
      '  }',
      '}',
      '',
      "const describeShape = (path: string, expected: string): string => `${path === '' ? '(the body)' : path}: expected ${expected}`;",
      '',
      '/** The error to rethrow from a nested read: a shape error gets `key` in front of its path. */',
      'function within(error: unknown, key: string | number): unknown {',
      '  return error instanceof ResponseShapeError ? error.within(key) : error;',
      '}',
      '',
      'const fail = (key: string | number, expected: string): never => {',
      '  throw new ResponseShapeError(String(key), expected);',
      '};',
      "const missing = (key: string): never => fail(key, 'a value');",
      '',
      "const str = (v: unknown, key: string | number): string => (typeof v === 'string' ? v : fail(key, 'a string'));",
      "const bool = (v: unknown, key: string | number): boolean => (typeof v === 'boolean' ? v : fail(key, 'a boolean'));",
      "const int = (v: unknown, key: string | number): number => (Number.isSafeInteger(v) ? (v as number) : fail(key, 'an integer'));",
      '/** The API writes 64-bit integers as JSON strings; either form reads as a number. */',
      'function int64(v: unknown, key: string | number): number {',
      "  if (typeof v === 'number') {",
      '    if (Number.isSafeInteger(v)) return v;',
      "  } else if (typeof v === 'string') {",
      '    const n = digitsValue(v);',
      '    if (n === n) return n;',
      '  }',
      "  return fail(key, 'an integer or a string of digits');",
      '}',
      '',
      '/**',
      ' * The number a string of decimal digits (after an optional minus) stands for, else NaN: as',
      ' * /^-?[0-9]+$/ then Number() read it, at a fraction of their cost (a list has thousands of them).',
      ' */',
      'function digitsValue(text: string): number {',
      '  const negative = text.charCodeAt(0) === 45;',
      '  const first = negative ? 1 : 0;',
      '  if (text.length === first) return Number.NaN;',
      '  let n = 0;',
      '  for (let i = first; i < text.length; i += 1) {',
      '    const digit = text.charCodeAt(i) - 48;',
      '    if (digit < 0 || digit > 9) return Number.NaN;',
      '    n = n * 10 + digit;',
      '  }',
      '  // Up to 15 digits the sum is exact; longer strings round as Number() rounds them.',
      '  if (text.length - first > 15) return Number(text);',
      '  return negative ? -n : n;',
      '}',
      '',
      'function object(value: unknown): Record<string, unknown> {',
      "  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ResponseShapeError('', 'an object');",
      '  return value as Record<string, unknown>;',
      '}',
      '',
      '/** A null field is an absent one. Fields this SDK does not know stay (the API is a preview and grows). */',
      'function withoutNulls(input: Record<string, unknown>): Record<string, unknown> {',
      '  for (const key in input) if (input[key] === null) delete input[key];',
      '  return input;',
      '}',
      '',
      'function list<T>(value: unknown, item: (value: unknown) => T): T[] {',
      "  if (!Array.isArray(value)) throw new ResponseShapeError('', 'an array');",
      '  let i = 0;',
      '  try {',
      '    for (; i < value.length; i += 1) value[i] = item(value[i]);',
      '  } catch (error) {',
      '    throw within(error, i);',
      '  }',
      '  return value as T[];',
      '}',
      '',
      'function record<T>(value: unknown, item: (value: unknown) => T): Record<string, T> {',
      '  const input = object(value);',
      "  let name = '';",
      '  try {',
      '    for (name in input) input[name] = item(input[name]);',
      '  } catch (error) {',
      '    throw within(error, name);',
      '  }',
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
