// The committed (cdktn) bindings are exactly what its generator makes from the provider's schema
// today; both sets, freshly generated, hold one namespace per schema entry.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BINDING_SETS, sourceDir } from '../scripts/binding-sets.mjs';
import { compareTrees, describeDifferences, generateBindings } from '../scripts/generate-bindings.mjs';
import { readProviderSchema } from '../scripts/provider-schema.mjs';

let schema;
let work;

beforeAll(async () => {
  schema = await readProviderSchema();
  work = await mkdtemp(join(tmpdir(), 'hikube-cdktf-fresh-'));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.each(BINDING_SETS.filter((set) => set.committed))('committed $name bindings', (set) => {
  it('are not stale: regenerating from `terraform-provider-hikube schema` changes nothing', async () => {
    const fresh = join(work, `committed-${set.name}`);
    await generateBindings(set, schema, fresh);
    const differences = describeDifferences(await compareTrees(fresh, sourceDir(set)));
    expect(differences, 'run `npm run generate -w @hikube/cdktf-provider-hikube` and commit cdktn/src/').toEqual([]);
  });
});

describe.each(BINDING_SETS)('$name bindings', (set) => {
  it('export one namespace per resource, data source and (where the generator has them) ephemeral resource, and the provider', async () => {
    const fresh = join(work, set.name);
    await generateBindings(set, schema, fresh);
    const index = await readFile(join(fresh, 'index.ts'), 'utf8');
    const exported = [...index.matchAll(/^export \* as (\w+) from/gm)].map((match) => match[1]).sort();
    const providerSchema = schema.document.provider_schemas[schema.source];
    const camel = (name) => name.replace(/_(\w)/g, (_, letter) => letter.toUpperCase());
    const strip = (name) => name.replace(new RegExp(`^${schema.type}_`), '');
    const expected = [
      ...Object.keys(providerSchema.resource_schemas).map((name) => camel(strip(name))),
      ...Object.keys(providerSchema.data_source_schemas).map((name) => camel(`data_${name}`)),
      ...(set.ephemeralResources ? Object.keys(providerSchema.ephemeral_resource_schemas ?? {}).map((name) => camel(`ephemeral_${name}`)) : []),
      'provider',
    ].sort();
    expect(exported).toEqual(expected);
  });
});
