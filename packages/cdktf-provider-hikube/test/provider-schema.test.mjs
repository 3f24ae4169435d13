import { describe, expect, it } from 'vitest';

import { checkSchemaDocument, findProviderExecutable } from '../scripts/provider-schema.mjs';

const provider = { provider: {}, resource_schemas: {}, data_source_schemas: {} };
const document = (schemas) => JSON.stringify({ format_version: '1.0', provider_schemas: schemas });

describe('checkSchemaDocument', () => {
  it('accepts one provider under a full source address and names its type', () => {
    const { source, type } = checkSchemaDocument(document({ 'registry.terraform.io/hikube/hikube': provider }), 'test');
    expect({ source, type }).toEqual({ source: 'registry.terraform.io/hikube/hikube', type: 'hikube' });
  });

  // Documents the generator cannot use: each error names the field at fault.
  const cases = [
    { name: 'not JSON', given: 'Error: no kubeconfig', want: /did not print a JSON document/ },
    { name: 'a JSON array', given: '[]', want: /the document is not a JSON object/ },
    { name: 'no format_version', given: JSON.stringify({ provider_schemas: {} }), want: /format_version is missing/ },
    { name: 'no provider_schemas', given: JSON.stringify({ format_version: '1.0' }), want: /provider_schemas is missing/ },
    { name: 'no provider', given: document({}), want: /has 0 providers \(none\)/ },
    { name: 'two providers', given: document({ 'a.io/x/y': provider, 'a.io/x/z': provider }), want: /has 2 providers/ },
    { name: 'a short source address', given: document({ 'hikube/hikube': provider }), want: /is not a full source address/ },
    {
      name: 'no resource schemas',
      given: document({ 'registry.terraform.io/hikube/hikube': { provider: {}, data_source_schemas: {} } }),
      want: /\.resource_schemas is missing/,
    },
  ];
  it.each(cases)('rejects $name', ({ given, want }) => {
    expect(() => checkSchemaDocument(given, '`terraform-provider-hikube schema`')).toThrow(want);
  });
});

describe('findProviderExecutable', () => {
  it('takes HIKUBE_PROVIDER_EXECUTABLE when it names an existing file', async () => {
    expect(await findProviderExecutable({ HIKUBE_PROVIDER_EXECUTABLE: process.execPath })).toBe(process.execPath);
  });

  it.each([
    { name: 'a relative path', given: 'bin/terraform-provider-hikube', want: /is not an absolute path/ },
    { name: 'a missing file', given: '/nonexistent/terraform-provider-hikube', want: /which does not exist/ },
  ])('rejects $name in HIKUBE_PROVIDER_EXECUTABLE', async ({ given, want }) => {
    await expect(findProviderExecutable({ HIKUBE_PROVIDER_EXECUTABLE: given })).rejects.toThrow(want);
  });

  it("finds the workspace provider's own executable by default", async () => {
    expect(await findProviderExecutable({})).toMatch(/terraform-provider-hikube$/);
  });
});
