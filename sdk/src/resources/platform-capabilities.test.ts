import { describe, expect, it } from 'vitest';
import { capabilitiesFromDocument } from './platform-capabilities.js';

// The shape Cozystack's API server publishes (pkg/cmd/server/openapi.go): the chart's values schema
// inlined as `spec` of the kind's schema. Here an older chart: no `tls`, no `backup.useSystemBucket`.
const cozystackDocument = {
  components: {
    schemas: {
      'com.github.cozystack.cozystack.pkg.apis.apps.v1alpha1.Postgres': {
        type: 'object',
        'x-kubernetes-group-version-kind': [{ group: 'apps.cozystack.io', version: 'v1alpha1', kind: 'Postgres' }],
        properties: {
          apiVersion: { type: 'string' },
          spec: {
            type: 'object',
            properties: {
              replicas: { type: 'integer' },
              version: { type: 'string' },
              postgresql: { type: 'object', properties: { parameters: { type: 'object', additionalProperties: { type: 'string' } } } },
              backup: { type: 'object', properties: { enabled: { type: 'boolean' }, schedule: { type: 'string' } } },
              users: { type: 'object', additionalProperties: { type: 'object' } },
            },
          },
        },
      },
    },
  },
};

// The shape Hikube Local publishes: kinds by name, the spec behind a $ref.
const refDocument = {
  components: {
    schemas: {
      Postgres: { type: 'object', properties: { spec: { $ref: '#/components/schemas/PostgresSpec' } } },
      PostgresSpec: { type: 'object', properties: { tls: { $ref: '#/components/schemas/PostgresTls' }, replicas: { type: 'integer' } } },
      PostgresTls: { type: 'object', properties: { enabled: { type: 'boolean' } } },
    },
  },
};

describe('capabilitiesFromDocument', () => {
  it.each([
    { given: 'version', want: true },
    { given: 'backup.schedule', want: true },
    { given: 'backup.useSystemBucket', want: false },
    { given: 'tls', want: false },
    { given: 'tls.enabled', want: false },
    { given: 'users.app', want: true },
    { given: 'schedulingClass', want: false },
  ])('a cozystack document: $given -> $want', ({ given, want }) => {
    expect(capabilitiesFromDocument(cozystackDocument).has(given)).toBe(want);
  });

  it('follows $ref', () => {
    const capabilities = capabilitiesFromDocument(refDocument);
    expect([...capabilities.fields].sort()).toEqual(['replicas', 'tls', 'tls.enabled']);
  });

  it('knows nothing from a document without the kind', () => {
    expect(capabilitiesFromDocument({}).fields.size).toBe(0);
  });
});
