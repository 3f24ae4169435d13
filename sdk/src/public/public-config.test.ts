import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { resolvePublicConfig, type PublicClientOptions } from './public-config.js';

const secret = 'Zq9SECRETvalue42';
const keyId = '0123456789abcdef0123456789abcdef';
const key = `sk_hk_${keyId}_${secret}`;
const project = '01928f6e-7b2c-7d4e-9a10-3f5b6c7d8e9f';
const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const dir = mkdtempSync(join(tmpdir(), 'hikube-public-config-'));
const caFile = join(dir, 'ca.pem');
writeFileSync(caFile, pem);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { HIKUBE_API_KEY: key, HIKUBE_PROJECT_ID: project };

describe('resolvePublicConfig', () => {
  it.each<{ name: string; given: PublicClientOptions; want: Record<string, unknown> }>([
    {
      name: 'the environment alone, with the default URL',
      given: { env },
      want: { origin: 'https://api.hikube.cloud', basePath: '', projectId: project, ca: undefined },
    },
    {
      name: 'HIKUBE_API with a path prefix',
      given: { env: { ...env, HIKUBE_API: 'http://127.0.0.1:8080/hikube/' } },
      want: { origin: 'http://127.0.0.1:8080', basePath: '/hikube' },
    },
    {
      name: 'options win over the environment',
      given: {
        env: { ...env, HIKUBE_API: 'https://api.demo.hikube.cloud' },
        baseUrl: 'https://private.example:8443',
        projectId: '11111111-2222-3333-4444-555555555555',
      },
      want: { origin: 'https://private.example:8443', projectId: '11111111-2222-3333-4444-555555555555' },
    },
    { name: 'an upper-case project UUID', given: { env: { ...env, HIKUBE_PROJECT_ID: project.toUpperCase() } }, want: { projectId: project } },
    { name: 'an empty HIKUBE_API is the default', given: { env: { ...env, HIKUBE_API: '' } }, want: { origin: 'https://api.hikube.cloud' } },
    { name: 'a CA given as PEM in HIKUBE_CA_CERT', given: { env: { ...env, HIKUBE_CA_CERT: pem } }, want: { ca: Buffer.from(pem) } },
    { name: 'a CA file named by HIKUBE_CA_CERT', given: { env: { ...env, HIKUBE_CA_CERT: caFile } }, want: { ca: Buffer.from(pem) } },
    { name: 'a CA option', given: { env, ca: pem }, want: { ca: Buffer.from(pem) } },
  ])('reads $name', ({ given, want }) => {
    const config = resolvePublicConfig(given);
    expect(config).toMatchObject(want);
    expect(config.apiKey.keyId).toBe(keyId);
    expect(config.apiKey.header()).toBe(key);
  });

  it.each<{ name: string; given: PublicClientOptions; want: RegExp }>([
    { name: 'no key', given: { env: { HIKUBE_PROJECT_ID: project } }, want: /no API key: set HIKUBE_API_KEY/ },
    { name: 'an empty key', given: { env: { ...env, HIKUBE_API_KEY: '' } }, want: /no API key/ },
    { name: 'a key without its prefix', given: { env: { ...env, HIKUBE_API_KEY: `${keyId}_${secret}` } }, want: /HIKUBE_API_KEY does not start with sk_hk_/ },
    { name: 'a short key id', given: { env: { ...env, HIKUBE_API_KEY: `sk_hk_0123abc_${secret}` } }, want: /key id of 7 characters/ },
    {
      name: 'an upper-case key id',
      given: { env: { ...env, HIKUBE_API_KEY: `sk_hk_${keyId.toUpperCase()}_${secret}` } },
      want: /not 32 lowercase hexadecimal/,
    },
    { name: 'a key without a secret', given: { env: { ...env, HIKUBE_API_KEY: `sk_hk_${keyId}_` } }, want: /has no secret/ },
    { name: 'a key without a separator', given: { env: { ...env, HIKUBE_API_KEY: `sk_hk_${keyId}` } }, want: /has no secret/ },
    { name: 'a key pasted with a line break', given: { env: { ...env, HIKUBE_API_KEY: `${key}\n` } }, want: /contains spaces or line breaks/ },
    { name: 'a bad key option', given: { env, apiKey: `sk_${secret}` }, want: /the apiKey option does not start with sk_hk_/ },
    { name: 'no project id', given: { env: { HIKUBE_API_KEY: key } }, want: /no project id: set HIKUBE_PROJECT_ID/ },
    {
      name: 'a project name instead of its id',
      given: { env: { ...env, HIKUBE_PROJECT_ID: 'my-project' } },
      want: /HIKUBE_PROJECT_ID must be the project's UUID/,
    },
    { name: 'a base URL that is not one', given: { env: { ...env, HIKUBE_API: 'api.hikube.cloud' } }, want: /HIKUBE_API is not a URL/ },
    { name: 'a base URL with another scheme', given: { env, baseUrl: 'ftp://api.hikube.cloud' }, want: /baseUrl option must be an http or https URL/ },
    { name: 'a base URL with credentials', given: { env, baseUrl: `https://user:${secret}@api.hikube.cloud` }, want: /without credentials/ },
    {
      name: 'a CA file that does not exist',
      given: { env: { ...env, HIKUBE_CA_CERT: join(dir, 'missing.pem') } },
      want: /cannot read the CA certificate file .*ENOENT/,
    },
  ])('refuses $name before any request, without showing the secret', ({ given, want }) => {
    const error = (() => {
      try {
        resolvePublicConfig(given);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('HIKUBE_CONFIG');
    expect((error as ConfigError).message).toMatch(want);
    expect((error as ConfigError).message).not.toContain(secret);
  });

  it('never prints the secret of a resolved key', () => {
    const config = resolvePublicConfig({ env });
    const shown = [JSON.stringify(config), inspect(config, { depth: 5 }), String(config.apiKey), `${config.apiKey}`];
    for (const text of shown) expect(text).not.toContain(secret);
    expect(JSON.stringify(config)).toContain(`sk_hk_${keyId}_***`);
  });
});
