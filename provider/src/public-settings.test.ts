import { describe, expect, it } from 'vitest';
import { publicValues, resolvePublicOptions, type PublicSettings } from './public-settings.js';

const none: PublicSettings = { api_key: null, project_id: null, endpoint: null, ca_certificate: null };
const key = `sk_hk_${'0123456789abcdef'.repeat(2)}_the-secret-part`;
const project = '01928f6e-7b2c-7d4e-9a10-3f5b6c7d8e9f';

describe('public settings', () => {
  it('takes the configuration first, then the environment, and defaults the endpoint', () => {
    const config = { ...none, api_key: key };
    const values = publicValues(config, { HIKUBE_API_KEY: 'ignored', HIKUBE_PROJECT_ID: project, HIKUBE_CA_CERT: '/ca.pem', HIKUBE_API: '' });
    expect(values).toEqual({ api_key: key, project_id: project, endpoint: null, ca_certificate: '/ca.pem' });
    expect(resolvePublicOptions(config, values)).toEqual({
      ok: true,
      options: { apiKey: key, projectId: project, baseUrl: 'https://api.hikube.cloud', ca: '/ca.pem' },
    });
  });

  const refused: { name: string; given: Partial<PublicSettings>; attribute: string; message: RegExp }[] = [
    { name: 'a key without the prefix', given: { api_key: 'the-secret-part' }, attribute: 'api_key', message: /^api_key does not start with sk_hk_/ },
    {
      name: 'a key id that is not hexadecimal',
      given: { api_key: `sk_hk_${'z'.repeat(32)}_the-secret-part` },
      attribute: 'api_key',
      message: /key id of 32 characters that is not 32 lowercase hexadecimal/,
    },
    {
      name: 'a project name instead of its UUID',
      given: { project_id: 'my-project' },
      attribute: 'project_id',
      message: /^project_id must be the project's UUID/,
    },
    {
      name: 'an endpoint that is not a URL',
      given: { endpoint: 'api.hikube.cloud' },
      attribute: 'endpoint',
      message: /^endpoint "api.hikube.cloud" is not a plain http\(s\) base URL/,
    },
    {
      name: 'an endpoint with credentials',
      given: { endpoint: 'https://u:p@api.hikube.cloud' },
      attribute: 'endpoint',
      message: /not a plain http\(s\) base URL/,
    },
  ];
  it.each(refused)('refuses $name, naming the attribute and never the key', ({ given, attribute, message }) => {
    const config = { ...none, api_key: key, project_id: project, ...given };
    const result = resolvePublicOptions(config, publicValues(config, {}));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.attribute).toBe(attribute);
    expect(result.problems[0]?.message).toMatch(message);
    expect(JSON.stringify(result)).not.toContain('the-secret-part');
  });

  it('names the environment variable when the value came from there', () => {
    const result = resolvePublicOptions(none, publicValues(none, { HIKUBE_API_KEY: key, HIKUBE_PROJECT_ID: 'nope' }));
    expect(result).toEqual({
      ok: false,
      problems: [{ attribute: 'project_id', message: expect.stringMatching(/^HIKUBE_PROJECT_ID must be the project's UUID/) as string }],
    });
  });
});
