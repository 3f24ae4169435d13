// The OpenAPI v3 documents kubectl fetches before apply/create: a root index whose keys have no
// leading slash, and per group-version documents whose PATCH operations declare `fieldValidation`
// (without it kubectl falls back to /openapi/v2 and fails). Schemas come from the caller, so the
// Postgres schema is the SDK's document, not a copy.

import { createHash } from 'node:crypto';
import { RESOURCE_TYPES, apiVersionOf, type ResourceType } from '../store/resource-types.js';

/** `components.schemas` of an OpenAPI document, keyed by kind name (the SDK's document). */
export type SchemaComponents = Record<string, unknown>;

export class OpenApiDocuments {
  private readonly docs = new Map<string, { hash: string; body: string }>();
  private readonly root: string;

  constructor(components: SchemaComponents = {}) {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    const byGv = new Map<string, ResourceType[]>();
    for (const t of RESOURCE_TYPES) {
      const gv = t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`;
      byGv.set(gv, [...(byGv.get(gv) ?? []), t]);
    }
    for (const [gv, types] of byGv) {
      const body = JSON.stringify(gvDocument(gv, types, components));
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 32).toUpperCase();
      this.docs.set(gv, { hash, body });
      paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${hash}` };
    }
    this.root = JSON.stringify({ paths });
  }

  rootDocument(): string {
    return this.root;
  }

  /** `gv` is `apis/G/V` or `api/v1`. */
  groupVersionDocument(gv: string): string | undefined {
    return this.docs.get(gv)?.body;
  }
}

function gvk(t: ResourceType): Record<string, string>[] {
  return [{ group: t.group, version: t.version, kind: t.kind }];
}

function schemaName(t: ResourceType, components: SchemaComponents): string {
  return components[t.kind] ? t.kind : `${t.group || 'core'}.${t.version}.${t.kind}`;
}

function gvDocument(gv: string, types: ResourceType[], components: SchemaComponents): unknown {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { ...components };
  for (const t of types) {
    const prefix = `/${gv}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}`;
    const ref = { $ref: `#/components/schemas/${schemaName(t, components)}` };
    const ok = { '200': { description: 'OK', content: { 'application/json': { schema: ref } } } };
    const fieldValidation = { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } };
    const item: Record<string, unknown> = {
      get: { operationId: `read${t.kind}`, 'x-kubernetes-group-version-kind': gvk(t)[0], responses: ok },
    };
    if (t.verbs.includes('patch')) {
      item['patch'] = {
        operationId: `patch${t.kind}`,
        'x-kubernetes-group-version-kind': gvk(t)[0],
        parameters: [
          fieldValidation,
          { name: 'fieldManager', in: 'query', schema: { type: 'string' } },
          { name: 'force', in: 'query', schema: { type: 'boolean' } },
        ],
        requestBody: {
          content: {
            'application/json-patch+json': { schema: { type: 'object' } },
            'application/merge-patch+json': { schema: { type: 'object' } },
            'application/apply-patch+yaml': { schema: { type: 'object' } },
          },
        },
        responses: ok,
      };
      item['put'] = { operationId: `replace${t.kind}`, 'x-kubernetes-group-version-kind': gvk(t)[0], parameters: [fieldValidation], responses: ok };
    }
    paths[`${prefix}/{name}`] = item;
    if (t.verbs.includes('create')) {
      paths[prefix] = { post: { operationId: `create${t.kind}`, 'x-kubernetes-group-version-kind': gvk(t)[0], parameters: [fieldValidation], responses: ok } };
    }
    const known = components[t.kind];
    schemas[schemaName(t, components)] = known
      ? { ...(known as object), 'x-kubernetes-group-version-kind': gvk(t) }
      : {
          type: 'object',
          'x-kubernetes-group-version-kind': gvk(t),
          properties: { apiVersion: { type: 'string', enum: [apiVersionOf(t)] }, kind: { type: 'string', enum: [t.kind] } },
          'x-kubernetes-preserve-unknown-fields': true,
        };
  }
  return { openapi: '3.0.0', info: { title: 'Hikube Local', version: gv }, paths, components: { schemas } };
}
