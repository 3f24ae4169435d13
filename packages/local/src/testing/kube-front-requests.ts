// fast-check generator of requests to the tenant Kubernetes API of Hikube Local: what a tenant
// would send (with hostile names, users, databases and parameters inside) and anything at all.

import fc from 'fast-check';
import { GROUP_PATH, protocol, TENANT_NAMESPACE, type KubeCase } from './kube-front-case.js';
import { hostileKubeRequest } from './kube-front-hostile-requests.js';
import { objectText, plausibleSpec, validUserName } from './kube-front-postgres-objects.js';

const validJsonPatchOp = fc.oneof(
  fc.record({ op: fc.constantFrom('add', 'replace'), path: validUserName.map((u) => `/spec/users/${u}`), value: fc.constant({}) }),
  fc.record({ op: fc.constant('remove'), path: fc.constantFrom('/spec/users/app', '/spec/databases/app', '/spec/postgresql/parameters/max_connections') }),
  fc.record({
    op: fc.constantFrom('add', 'replace'),
    path: fc.constantFrom('/spec/postgresql/parameters/work_mem', '/spec/postgresql/parameters/log_statement'),
    value: fc.constantFrom('64MB', 'all', 'ddl'),
  }),
);

/** What a tenant would send, with hostile names, users, databases and parameters inside: most of it is stored. */
const plausibleKubeRequest: fc.Arbitrary<KubeCase> = fc
  .record({ name: fc.constantFrom('keep', 'fuzz-a', 'fuzz-b', 'fuzz-c'), spec: plausibleSpec, yaml: fc.boolean(), protocol, dryRun: fc.boolean() })
  .chain(({ name, spec, yaml, protocol, dryRun }) => {
    const collection = `${GROUP_PATH}/namespaces/${TENANT_NAMESPACE}/postgreses`;
    const object = { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name }, spec };
    const objectType = yaml ? 'application/yaml' : 'application/json';
    const query = (extra: string): string => [extra, dryRun ? 'dryRun=All' : ''].filter(Boolean).join('&');
    const base = { sender: 'tenant' as const, protocol, intent: { verb: 'create' as const, spec, dryRun } };
    return fc
      .constantFrom<KubeCase>(
        {
          ...base,
          method: 'POST',
          path: `${collection}?${query('fieldValidation=Strict')}`,
          contentType: objectType,
          body: objectText(object, objectType, yaml),
        },
        {
          ...base,
          method: 'PUT',
          path: `${collection}/${name}?${query('')}`,
          contentType: objectType,
          body: objectText(object, objectType, yaml),
          intent: { ...base.intent, verb: 'replace' },
        },
        {
          ...base,
          method: 'PATCH',
          path: `${collection}/${name}?${query('')}`,
          contentType: 'application/merge-patch+json',
          body: JSON.stringify({ spec }),
          intent: { verb: 'patch', dryRun },
        },
        {
          ...base,
          method: 'PATCH',
          path: `${collection}/${name}?${query('fieldManager=fuzz&force=true')}`,
          contentType: 'application/apply-patch+yaml',
          body: objectText(object, 'yaml', yaml),
          intent: { ...base.intent, verb: 'patch' },
        },
      )
      .chain((c) =>
        c.method === 'PATCH' && c.contentType === 'application/merge-patch+json'
          ? fc.oneof(
              fc.constant(c),
              fc
                .array(validJsonPatchOp, { minLength: 1, maxLength: 3 })
                .map((ops) => ({ ...c, contentType: 'application/json-patch+json', body: JSON.stringify(ops) })),
            )
          : fc.constant(c),
      );
  });

/** One request to the tenant Kubernetes API: half what a tenant would send, half anything. */
export const kubeFrontRequest: fc.Arbitrary<KubeCase> = fc.oneof(plausibleKubeRequest, hostileKubeRequest);
