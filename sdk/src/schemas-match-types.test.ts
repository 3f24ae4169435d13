import type { z } from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from './generated/openapi.js';
import type * as zodSchemas from './generated/zod.js';

type Schemas = components['schemas'];
type ZodFor<Name extends keyof Schemas> = (typeof zodSchemas)[`${Uncapitalize<Name & string>}Schema`];
type Inferred<Name extends keyof Schemas> = ZodFor<Name> extends z.ZodType ? z.infer<ZodFor<Name>> : never;
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// One entry per schema of the document: a schema whose zod output and generated type drift apart
// turns its entry into `false` and the build fails.
type Agreement = { [Name in keyof Schemas]: MutuallyAssignable<Inferred<Name>, Schemas[Name]> };

describe('generated zod schemas and openapi-typescript types', () => {
  it('agree for every schema of the document', () => {
    expectTypeOf<Agreement>().toEqualTypeOf<{ [Name in keyof Schemas]: true }>();
  });

  it('agree for the kinds other packages use', () => {
    expectTypeOf<z.infer<typeof zodSchemas.postgresSchema>>().toExtend<Schemas['Postgres']>();
    expectTypeOf<Schemas['Postgres']>().toExtend<z.infer<typeof zodSchemas.postgresSchema>>();
    expectTypeOf<z.infer<typeof zodSchemas.postgresSpecSchema>>().toExtend<Schemas['PostgresSpec']>();
    expectTypeOf<Schemas['PostgresSpec']>().toExtend<z.infer<typeof zodSchemas.postgresSpecSchema>>();
    expectTypeOf<z.infer<typeof zodSchemas.schedulingClassSchema>>().toExtend<Schemas['SchedulingClass']>();
    expectTypeOf<Schemas['SchedulingClass']>().toExtend<z.infer<typeof zodSchemas.schedulingClassSchema>>();
    expectTypeOf<z.infer<typeof zodSchemas.statusSchema>>().toExtend<Schemas['Status']>();
    expectTypeOf<Schemas['Status']>().toExtend<z.infer<typeof zodSchemas.statusSchema>>();
  });
});
