import { readFile } from 'node:fs/promises';
import { validate } from '@readme/openapi-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { openapiDocument } from './openapi.js';

const documentUrl = new URL('../openapi/hikube.yaml', import.meta.url);

describe('openapi/hikube.yaml', () => {
  it('is a valid OpenAPI 3.1 document without warnings', async () => {
    const document = parse(await readFile(documentUrl, 'utf8')) as Parameters<typeof validate>[0];
    const result = await validate(document);
    expect(result).toEqual({ valid: true, warnings: [], specification: 'OpenAPI' });
  });

  it('is what openapiDocument exports', async () => {
    expect(openapiDocument).toEqual(parse(await readFile(documentUrl, 'utf8')));
  });

  it.each([
    ['GET list/watch postgreses', '/apis/apps.cozystack.io/v1alpha1/namespaces/{namespace}/postgreses', ['get', 'post']],
    ['one postgres', '/apis/apps.cozystack.io/v1alpha1/namespaces/{namespace}/postgreses/{name}', ['get', 'put', 'patch', 'delete']],
    ['scheduling classes', '/apis/cozystack.io/v1alpha1/schedulingclasses', ['get', 'post']],
    ['one scheduling class', '/apis/cozystack.io/v1alpha1/schedulingclasses/{name}', ['get', 'delete']],
    ['tenant secret', '/apis/core.cozystack.io/v1alpha1/namespaces/{namespace}/tenantsecrets/{name}', ['get']],
    ['secret', '/api/v1/namespaces/{namespace}/secrets/{name}', ['get']],
    ['services', '/api/v1/namespaces/{namespace}/services', ['get']],
    ['one service', '/api/v1/namespaces/{namespace}/services/{name}', ['get']],
    ['pods', '/api/v1/namespaces/{namespace}/pods', ['get']],
    ['events', '/api/v1/namespaces/{namespace}/events', ['get']],
  ])('covers %s', (_name, path, methods) => {
    const item = (openapiDocument.paths as Record<string, Record<string, unknown>>)[path];
    expect(item).toBeDefined();
    for (const method of methods) expect(item?.[method], `${method} ${path}`).toBeDefined();
  });
});
