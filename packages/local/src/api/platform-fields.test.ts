import { openapiDocument } from '@hikube/sdk/openapi';
import { capabilitiesFromDocument } from '@hikube/sdk/kubernetes';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kube-object.js';
import { POSTGRES } from '../store/resource-types.js';
import { Admission, sdkPolicies, type FieldValidation } from './admission.js';
import type { ExtraPostgresField } from './extra-postgres-fields.js';
import { OpenApiDocuments } from './openapi.js';
import { platformSchemas } from './platform-fields.js';

function published(fields: readonly ExtraPostgresField[]) {
  const docs = new OpenApiDocuments(platformSchemas(openapiDocument.components.schemas as unknown as Record<string, unknown>, fields));
  return capabilitiesFromDocument(JSON.parse(docs.groupVersionDocument('apis/apps.cozystack.io/v1alpha1') ?? '{}'));
}

const postgres = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'apps.cozystack.io/v1alpha1',
  kind: 'Postgres',
  metadata: { name: 'orders', namespace: 'tenant-demo' },
  spec,
});

function admit(fields: readonly ExtraPostgresField[], spec: Record<string, unknown>, fieldValidation: FieldValidation) {
  return new Admission(sdkPolicies(fields)).admit(POSTGRES, postgres(spec), undefined, fieldValidation);
}

describe('the published Postgres schema follows the emulated platform', () => {
  it.each([
    { name: 'Cozystack v1.6.2 (the default) has no spec.schedulingClass', fields: [], want: false },
    { name: 'a platform started with extraPostgresFields has it', fields: ['schedulingClass'] as const, want: true },
  ])('$name', ({ fields, want }) => {
    const capabilities = published(fields);
    expect(capabilities.has('schedulingClass')).toBe(want);
    expect(capabilities.has('version')).toBe(true);
    expect(capabilities.has('tls.enabled')).toBe(true);
  });
});

describe('spec.schedulingClass on the default platform is treated as any field the chart lacks', () => {
  it('Strict: refused as an unknown field', () => {
    expect(() => admit([], { schedulingClass: 'spread' }, 'Strict')).toThrow(/strict decoding error: unknown field "spec\.schedulingClass"/);
  });

  it('Warn (the default): warned about and dropped, the rest stored', () => {
    const { object, warnings } = admit([], { schedulingClass: 'spread', replicas: 3 }, 'Warn');
    expect(warnings).toEqual(['unknown field "spec.schedulingClass"']);
    expect(object['spec']).not.toHaveProperty('schedulingClass');
    expect(object['spec']).toMatchObject({ replicas: 3 });
  });

  it('its own rules are not checked (a too-long value is just unknown)', () => {
    const { object, warnings } = admit([], { schedulingClass: 'x'.repeat(64) }, 'Ignore');
    expect(warnings).toEqual([]);
    expect(object['spec']).not.toHaveProperty('schedulingClass');
  });

  it('no default is added for it', () => {
    expect(admit(['schedulingClass'], {}, 'Strict').object['spec']).not.toHaveProperty('schedulingClass');
  });
});

describe('with extraPostgresFields: ["schedulingClass"]', () => {
  it('the field is kept', () => {
    const { object, warnings } = admit(['schedulingClass'], { schedulingClass: 'spread' }, 'Strict');
    expect(warnings).toEqual([]);
    expect(object['spec']).toMatchObject({ schedulingClass: 'spread' });
  });
});
