import type { z } from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../generated/public/openapi.js';
import type * as zodSchemas from '../generated/public/zod.js';

type Schemas = components['schemas'];
type Exported = typeof zodSchemas;
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Extends<A, B> = [A] extends [B] ? true : false;
// Responses read enums as plain strings (a new value must not break a read) and keep unknown fields.
type Widen<T> = [T] extends [never]
  ? unknown
  : T extends string
    ? string
    : T extends (infer Item)[]
      ? Widen<Item>[]
      : T extends object
        ? { [Key in keyof T]: Widen<T[Key]> }
        : T;

// The request form of a schema (`<name>InputSchema` when the schema is also read from responses).
type RequestZod<Name extends string> = `${Uncapitalize<Name>}InputSchema` extends keyof Exported ? Exported[`${Uncapitalize<Name>}InputSchema`] : never;
type ResponseZod<Name extends string> = `${Uncapitalize<Name>}Schema` extends keyof Exported ? Exported[`${Uncapitalize<Name>}Schema`] : never;

// What a caller may send is exactly the wire type; what a response parses to is a wire value with
// every zero value filled in, so it fits wherever the wire type is expected.
type RequestAgreement = {
  [Name in 'ClusterCreate' | 'ClusterUpdate' | 'DatabaseCreate' | 'DatabaseUpdate' | 'UserCreate' | 'UserUpdate']: ResponseZod<Name> extends z.ZodType
    ? MutuallyAssignable<z.input<ResponseZod<Name>>, Schemas[Name]>
    : false;
};
type ResponseAgreement = {
  [Name in keyof Schemas & string]: ResponseZod<Name> extends z.ZodType ? Extends<z.output<ResponseZod<Name>>, Widen<Schemas[Name]>> : false;
};
type SharedAgreement = {
  [Name in 'PostgresConfig' | 'QuorumConfig' | 'UserConfig' | 'UserDatabaseRole' | 'UserPrivileges']: RequestZod<Name> extends z.ZodType
    ? MutuallyAssignable<z.input<RequestZod<Name>>, Schemas[Name]>
    : false;
};

describe('generated public zod schemas and openapi-typescript types', () => {
  it('agree for every request body', () => {
    expectTypeOf<RequestAgreement>().toEqualTypeOf<{ [Name in keyof RequestAgreement]: true }>();
  });

  it('agree for the request form of the schemas both directions use', () => {
    expectTypeOf<SharedAgreement>().toEqualTypeOf<{ [Name in keyof SharedAgreement]: true }>();
  });

  it('parse every schema to a value of its wire type (enums read as strings)', () => {
    expectTypeOf<ResponseAgreement>().toEqualTypeOf<{ [Name in keyof ResponseAgreement]: true }>();
  });

  it('read int64 fields as numbers', () => {
    expectTypeOf<zodSchemas.Cluster['replicas']>().toEqualTypeOf<number>();
    expectTypeOf<zodSchemas.ClusterList['totalCount']>().toEqualTypeOf<number>();
    expectTypeOf<zodSchemas.ClusterCreate['size']>().toEqualTypeOf<number>();
  });
});
