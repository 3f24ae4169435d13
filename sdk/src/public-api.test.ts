import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as mainEntry from './index.js';
import * as publicApi from './public-api.js';

describe('@hikube/sdk/public', () => {
  it('exports a small, deliberate surface', () => {
    expect(Object.keys(publicApi).sort()).toEqual(
      [
        'AbortError',
        'ApiKey',
        'ConfigError',
        'HikubeError',
        'NetworkError',
        'PublicAlreadyExistsError',
        'PublicApiError',
        'PublicBadRequestError',
        'PublicBadResponseError',
        'PublicConflictError',
        'PublicForbiddenError',
        'PublicNotFoundError',
        'PublicServerError',
        'PublicUnauthorizedError',
        'PublicUnavailableError',
        'TimeoutError',
        'ValidationError',
        'WaitFailedError',
        'WaitTimeoutError',
        'clusterUpdateIssues',
        'connectionString',
        'createPublicClient',
        'publicBodyIssues',
        'defaultPublicApiUrl',
        'postgresPort',
        'publicExtensions',
        'publicOperations',
        'publicSchemas',
      ].sort(),
    );
  });

  it('is the package subpath ./public, and the document ships with it', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };
    expect(manifest.exports['./public']).toEqual({ types: './dist/public-api.d.ts', default: './dist/public-api.js' });
    expect(manifest.exports['./openapi/hikube-public.yaml']).toBe('./openapi/hikube-public.yaml');
  });

  it('is also the main entry @hikube/sdk, name for name', () => {
    expect(Object.keys(mainEntry).sort()).toEqual(Object.keys(publicApi).sort());
    expect(mainEntry.createPublicClient).toBe(publicApi.createPublicClient);
  });
});
