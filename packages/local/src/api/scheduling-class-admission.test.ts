// SchedulingClass over a real loopback server: cluster-scoped, written by the admin only, validated
// by the SDK, readable by tenants; the namespace label naming a tenant's class is the admin's too.

import { describe, expect, it } from 'vitest';
import { ADMIN, type Call, useApiServer } from '../testing/api-server-harness.js';

const { call } = useApiServer();

describe('SchedulingClass (cluster-scoped, admin-written, SDK-validated)', () => {
  const SC = '/apis/cozystack.io/v1alpha1/schedulingclasses';
  const zoneIn = (values: string[]) => ({ nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values }] }] });
  it.each([
    {
      name: 'a valid class',
      body: {
        metadata: { name: 'two-sites' },
        spec: {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: zoneIn(['gland', 'geneva']) },
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' }],
        },
      },
      code: 201,
    },
    {
      name: 'In without values',
      body: { metadata: { name: 'bad-in' }, spec: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: zoneIn([]) } } },
      code: 422,
      field: 'spec.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values',
    },
    { name: 'the invented zones field (Strict)', body: { metadata: { name: 'typo' }, spec: { zones: ['gland'] } }, code: 400 },
  ])('admin creates $name -> $code', async ({ body, code, field }) => {
    const r = await call({
      method: 'POST',
      path: `${SC}?fieldValidation=Strict`,
      token: ADMIN,
      body: { apiVersion: 'cozystack.io/v1alpha1', kind: 'SchedulingClass', ...body },
    });
    expect(r.status).toBe(code);
    if (field) expect((r.json['details'] as { causes: { field: string }[] }).causes.map((c) => c.field)).toEqual([field]);
  });

  it('lets tenants read classes', async () => {
    expect((await call({ path: `${SC}/two-sites` })).status).toBe(200);
    expect((await call({ path: SC })).status).toBe(200);
  });

  // cozy:schedulingclass:view grants tenants get, list and watch only.
  it.each([
    {
      verb: 'create',
      req: { method: 'POST', path: SC, body: { apiVersion: 'cozystack.io/v1alpha1', kind: 'SchedulingClass', metadata: { name: 'mine' }, spec: {} } },
    },
    {
      verb: 'update',
      req: {
        method: 'PUT',
        path: `${SC}/two-sites`,
        body: { apiVersion: 'cozystack.io/v1alpha1', kind: 'SchedulingClass', metadata: { name: 'two-sites' }, spec: {} },
      },
    },
    {
      verb: 'patch',
      req: { method: 'PATCH', path: `${SC}/two-sites`, contentType: 'application/merge-patch+json', body: { spec: { nodeSelector: { a: 'b' } } } },
    },
    { verb: 'delete', req: { method: 'DELETE', path: `${SC}/two-sites` } },
  ])('refuses a tenant $verb of a class with 403, as RBAC does', async ({ verb, req }) => {
    const r = await call(req as Call);
    expect(r.status).toBe(403);
    expect(r.json['message']).toMatch(new RegExp(`cannot ${verb} resource "schedulingclasses" in API group "cozystack.io" at the cluster scope`));
    expect((await call({ path: `${SC}/two-sites`, token: ADMIN })).json['spec']).toHaveProperty('topologySpreadConstraints');
  });

  it("lets the admin, not a tenant, label a namespace with the tenant's class", async () => {
    const label = { metadata: { labels: { 'scheduler.cozystack.io/scheduling-class': 'two-sites' } } };
    const ns = '/api/v1/namespaces/team-a';
    expect((await call({ method: 'PATCH', path: ns, contentType: 'application/merge-patch+json', body: label })).status).toBe(403);
    const patched = await call({ method: 'PATCH', path: ns, contentType: 'application/merge-patch+json', body: label, token: ADMIN });
    expect(patched.status).toBe(200);
    expect((await call({ path: ns })).json['metadata']).toMatchObject(label.metadata);
  });
});
