import { ctyBool, ctyDynamic, ctyNumber, ctyString, type CtyType } from '../protocol/cty-type.js';
import type { CtyNumber, CtyValue, Unknown } from '../protocol/cty-value.js';
import type { PlanModifier } from './plan-modifiers.js';
import type { Validator } from './validators.js';

// The schema DSL. Each factory returns a plain definition object carrying a phantom TypeScript
// type, so a resource's model type is derived from its schema (ModelOf<typeof schema>).

export type Nesting = 'single' | 'list' | 'set' | 'map';
export type BlockNesting = Nesting | 'group';

export class SchemaDefinitionError extends Error {
  readonly code = 'TFPLUGIN_SCHEMA_DEFINITION';
  constructor(message: string) {
    super(message);
    this.name = 'SchemaDefinitionError';
  }
}

interface Described {
  /** Plain-text description; use `markdownDescription` for Markdown. */
  readonly description?: string;
  readonly markdownDescription?: string;
  /** Deprecation message; setting it marks the attribute or block deprecated. */
  readonly deprecated?: string;
}

export interface AttributeOptions<T> extends Described {
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  /** Accepted in configuration, never stored in plan or state (Terraform 1.11+). */
  readonly writeOnly?: boolean;
  readonly validators?: readonly Validator<T>[];
  readonly planModifiers?: readonly PlanModifier[];
  /** Planned when the configuration leaves the attribute null; requires optional + computed. */
  readonly default?: T;
}

export interface AttributeDef<T = unknown> extends AttributeOptions<T> {
  readonly kind: 'attribute';
  readonly type?: CtyType;
  readonly nested?: { readonly nesting: Nesting; readonly attributes: Readonly<Record<string, AttributeDef>> };
  /** attr.number(): values must fit a JS number exactly. */
  readonly jsNumber?: boolean;
  /** Phantom: the TypeScript type of a known, non-null value. */
  readonly __value?: T;
}

export interface BlockOptions extends Described {
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface SchemaBody {
  readonly attributes: Readonly<Record<string, AttributeDef>>;
  readonly blocks?: Readonly<Record<string, BlockDef>>;
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly deprecated?: string;
}

export interface BlockDef<N extends BlockNesting = BlockNesting, B extends SchemaBody = SchemaBody> extends BlockOptions {
  readonly kind: 'block';
  readonly nesting: N;
  readonly body: B;
}

export interface SchemaDef extends SchemaBody {
  /** Schema version for state upgrades; default 0. */
  readonly version?: number;
}

// ---- type derivation -------------------------------------------------------------------------

type ValueOf<A> = A extends AttributeDef<infer T> ? T : never;

type BlocksModel<B extends SchemaBody> = B extends { readonly blocks: infer K extends Readonly<Record<string, BlockDef>> }
  ? { -readonly [P in keyof K]: BlockValue<K[P]> }
  : unknown;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

export type ModelOf<B extends SchemaBody> = Simplify<{ -readonly [K in keyof B['attributes']]: ValueOf<B['attributes'][K]> | null } & BlocksModel<B>>;

type BlockValue<D> =
  D extends BlockDef<infer N, infer Body>
    ? N extends 'single'
      ? ModelOf<Body> | null
      : N extends 'group'
        ? ModelOf<Body>
        : N extends 'map'
          ? Record<string, ModelOf<Body>>
          : ModelOf<Body>[]
    : never;

/** A value as planned: anything may still be unknown. */
export type Planned<T> = T extends readonly (infer E)[]
  ? Planned<E>[] | Unknown
  : T extends string | number | boolean | bigint | null
    ? T | Unknown
    : T extends Record<string, unknown>
      ? { -readonly [K in keyof T]: Planned<T[K]> } | Unknown
      : T | Unknown;

export type PlanModelOf<B extends SchemaBody> = { -readonly [K in keyof ModelOf<B>]: Planned<ModelOf<B>[K]> };

type NestedModel<A extends Record<string, AttributeDef>> = { -readonly [K in keyof A]: ValueOf<A[K]> | null };

// ---- factories -------------------------------------------------------------------------------

function check(opts: AttributeOptions<unknown>, what: string): void {
  const { required, optional, computed, writeOnly } = opts;
  if (!required && !optional && !computed) throw new SchemaDefinitionError(`${what}: set one of required, optional or computed`);
  if (required && (optional || computed)) throw new SchemaDefinitionError(`${what}: required excludes optional and computed`);
  if (opts.default !== undefined && !(optional && computed))
    throw new SchemaDefinitionError(`${what}: a default needs optional: true and computed: true (Terraform plans it as a computed value)`);
  if (writeOnly && computed) throw new SchemaDefinitionError(`${what}: write-only attributes cannot be computed`);
}

function primitive<T>(type: CtyType, name: string, jsNumber = false) {
  return (opts: AttributeOptions<T>): AttributeDef<T> => {
    check(opts as AttributeOptions<unknown>, `attr.${name}`);
    return { kind: 'attribute', type, ...opts, ...(jsNumber ? { jsNumber } : {}) };
  };
}

/** A cty type with a phantom TS type, for collection element types. */
export interface TypeOf<T> {
  readonly cty: CtyType;
  readonly __value?: T;
}

export const types = {
  string: { cty: ctyString } as TypeOf<string>,
  number: { cty: ctyNumber } as TypeOf<number>,
  bool: { cty: ctyBool } as TypeOf<boolean>,
  dynamic: { cty: ctyDynamic } as TypeOf<CtyValue>,
  list: <T>(e: TypeOf<T>): TypeOf<T[]> => ({ cty: { kind: 'list', element: e.cty } }),
  set: <T>(e: TypeOf<T>): TypeOf<T[]> => ({ cty: { kind: 'set', element: e.cty } }),
  map: <T>(e: TypeOf<T>): TypeOf<Record<string, T>> => ({ cty: { kind: 'map', element: e.cty } }),
  object: <O extends Record<string, TypeOf<unknown>>>(attrs: O): TypeOf<{ [K in keyof O]: (O[K] extends TypeOf<infer V> ? V : never) | null }> => ({
    cty: { kind: 'object', attributes: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, v.cty])) },
  }),
};

function nested<N extends Nesting>(nesting: N) {
  return <A extends Record<string, AttributeDef>>(
    attributes: A,
    opts: AttributeOptions<never>,
  ): AttributeDef<N extends 'single' ? NestedModel<A> : N extends 'map' ? Record<string, NestedModel<A>> : NestedModel<A>[]> => {
    check(opts as AttributeOptions<unknown>, `attr.${nesting}Nested`);
    return { kind: 'attribute', nested: { nesting, attributes }, ...(opts as AttributeOptions<never>) };
  };
}

export const attr = {
  string: primitive<string>(ctyString, 'string'),
  /** A number that fits a JS number exactly (validated); use exactNumber for arbitrary precision. */
  number: primitive<number>(ctyNumber, 'number', true),
  exactNumber: primitive<CtyNumber>(ctyNumber, 'exactNumber'),
  bool: primitive<boolean>(ctyBool, 'bool'),
  dynamic: primitive<CtyValue>(ctyDynamic, 'dynamic'),
  list: <T>(element: TypeOf<T>, opts: AttributeOptions<T[]>): AttributeDef<T[]> => primitive<T[]>({ kind: 'list', element: element.cty }, 'list')(opts),
  set: <T>(element: TypeOf<T>, opts: AttributeOptions<T[]>): AttributeDef<T[]> => primitive<T[]>({ kind: 'set', element: element.cty }, 'set')(opts),
  map: <T>(element: TypeOf<T>, opts: AttributeOptions<Record<string, T>>): AttributeDef<Record<string, T>> =>
    primitive<Record<string, T>>({ kind: 'map', element: element.cty }, 'map')(opts),
  object: <T>(type: TypeOf<T>, opts: AttributeOptions<T>): AttributeDef<T> => primitive<T>(type.cty, 'object')(opts),
  singleNested: nested('single'),
  listNested: nested('list'),
  setNested: nested('set'),
  mapNested: nested('map'),
};

function blockOf<N extends BlockNesting>(nesting: N) {
  return <B extends SchemaBody>(body: B, opts: BlockOptions = {}): BlockDef<N, B> => {
    if (nesting === 'single' && (opts.minItems ?? 0) > 1) throw new SchemaDefinitionError('block.single: minItems can only be 0 or 1');
    if ((nesting === 'map' || nesting === 'group') && (opts.minItems || opts.maxItems))
      throw new SchemaDefinitionError(`block.${nesting}: minItems/maxItems are not allowed`);
    return { kind: 'block', nesting, body, ...opts };
  };
}

export const block = {
  single: blockOf('single'),
  list: blockOf('list'),
  set: blockOf('set'),
  map: blockOf('map'),
  group: blockOf('group'),
};

/** Identity helper that keeps the literal type of a schema for ModelOf. */
export function schema<S extends SchemaDef>(def: S): S {
  for (const name of Object.keys(def.blocks ?? {})) {
    if (!/^[a-z0-9_]+$/.test(name)) throw new SchemaDefinitionError(`block name ${JSON.stringify(name)} must match ^[a-z0-9_]+$`);
    if (name in def.attributes) throw new SchemaDefinitionError(`${name} is both an attribute and a block`);
  }
  return def;
}
