// Discovery and OpenAPI over a real loopback server: aggregated discovery only when asked for
// exactly, the legacy group list, the OpenAPI v3 index and the v2 protobuf document.

import { describe, expect, it } from 'vitest';
import { TENANT, useApiServer } from '../testing/api-server-harness.js';

const { base, call } = useApiServer();

describe('discovery and OpenAPI', () => {
  it('serves aggregated discovery only with the exact content type asked for', async () => {
    const res = await fetch(`${base()}/apis`, {
      headers: { authorization: `Bearer ${TENANT}`, accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' },
    });
    expect(res.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const body = (await res.json()) as { items: { metadata: { name: string }; versions: { resources: { resource: string; shortNames?: string[] }[] }[] }[] };
    const apps = body.items.find((i) => i.metadata.name === 'apps.cozystack.io');
    expect(apps?.versions[0]?.resources[0]).toMatchObject({ resource: 'postgreses', shortNames: ['pg'] });
    const legacy = await call({ path: '/apis' });
    expect(legacy.json['kind']).toBe('APIGroupList');
  });

  it('indexes OpenAPI v3 without leading slashes and declares fieldValidation on PATCH', async () => {
    const root = await call({ path: '/openapi/v3' });
    const paths = root.json['paths'] as Record<string, { serverRelativeURL: string }>;
    const gv = paths['apis/apps.cozystack.io/v1alpha1'];
    expect(gv?.serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\.cozystack\.io\/v1alpha1\?hash=/);
    const doc = await call({ path: gv?.serverRelativeURL ?? '' });
    const item = (doc.json['paths'] as Record<string, { patch: { parameters: { name: string }[] } }>)[
      '/apis/apps.cozystack.io/v1alpha1/namespaces/{namespace}/postgreses/{name}'
    ];
    expect(item?.patch.parameters.map((p) => p.name)).toContain('fieldValidation');
    expect((await call({ path: '/openapi/v2' })).status).toBe(404);
    const v2 = await fetch(`${base()}/openapi/v2`, {
      headers: { authorization: `Bearer ${TENANT}`, accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' },
    });
    expect(v2.headers.get('content-type')).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    expect(Buffer.from(await v2.arrayBuffer()).includes('fieldValidation')).toBe(true);
  });
});
