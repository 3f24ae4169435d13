import { beforeAll, describe, expect, it } from 'vitest';
import { Unknown, unknown, type CtyValue } from '../protocol/cty-value.js';
import { createLogger } from '../protocol/logger.js';
import { decodeMsgpack, encodeMsgpack } from '../protocol/msgpack-codec.js';
import { definitions } from './provider.js';
import { providerService } from './provider-server.js';
import { providerSchemaJson } from './schema-json.js';
import { impliedType } from './schema-protocol.js';
import { attr, block, schema, SchemaDefinitionError } from './schema.js';
import { lengthBetween } from './validators.js';

// Ephemeral resources through the framework's RPC handlers, in-process.

interface Remote {
  events: string[];
}
const remote: Remote = { events: [] };
const { ephemeralResource, provider } = definitions<Remote>();

const leaseSchema = schema({
  attributes: {
    user: attr.string({ required: true, validators: [lengthBetween(1, 8)] }),
    mistake: attr.string({ optional: true }),
    ttl_s: attr.number({ optional: true, computed: true }),
    password: attr.string({ computed: true, sensitive: true }),
  },
  blocks: { tag: block.list({ attributes: { key: attr.string({ required: true }), seen: attr.bool({ computed: true }) } }) },
});
const type = impliedType(leaseSchema);
const RENEW_AT = new Date('2030-01-02T03:04:05.678Z');

const lease = ephemeralResource({
  schema: leaseSchema,
  open(req, resp) {
    req.providerData.events.push(`open ${req.config.user}`);
    const tags = req.config.tag.map((t) => ({ ...t, seen: true }));
    resp.result = { ...req.config, ttl_s: req.config.ttl_s ?? 60, password: `pw-of-${req.config.user}`, tag: tags };
    resp.private = { lease: `l-${req.config.user}` };
    resp.renewAt = RENEW_AT;
    if (req.config.mistake === 'change_user') resp.result = { ...resp.result, user: 'someone-else' };
    if (req.config.mistake === 'leave_unknown') resp.result = { ...resp.result, password: unknown as never };
    if (req.config.mistake === 'fail') resp.diagnostics.error('Cannot open', 'the platform said no');
  },
  renew(req, resp) {
    req.providerData.events.push(`renew ${String(req.private['lease'])}`);
    resp.private = { ...req.private, renewed: true };
    resp.renewAt = new Date(RENEW_AT.getTime() + 1000);
  },
  close(req) {
    req.providerData.events.push(`close ${String(req.private['lease'])}`);
  },
});

const once = ephemeralResource({
  schema: schema({ attributes: { value: attr.string({ computed: true }) } }),
  open(req, resp) {
    resp.result = { value: 'v' };
    if (req.providerData.events.includes('ask renew')) resp.renewAt = new Date();
  },
});

const def = provider({
  address: 'registry.terraform.io/hikube/unit',
  configure(_req, resp) {
    resp.providerData = remote;
  },
  ephemeralResources: { unit_lease: lease, unit_once: once },
});
const svc = providerService(def, createLogger({ level: 'error', write: () => {} }));

const config = (over: Record<string, CtyValue>) => ({
  msgpack: encodeMsgpack(type, { user: 'app', mistake: null, ttl_s: null, password: null, tag: [], ...over }),
});

beforeAll(async () => {
  expect((await svc.ConfigureProvider!({ config: { msgpack: Buffer.from([0x80]) } })).diagnostics).toEqual([]);
});

describe('ephemeral resources (framework)', () => {
  it('announces ephemeral resources in the schema, the metadata and the schema JSON', async () => {
    const schemaRes = await svc.GetProviderSchema!({});
    expect(Object.keys(schemaRes.ephemeralResourceSchemas ?? {})).toEqual(['unit_lease', 'unit_once']);
    const password = schemaRes.ephemeralResourceSchemas?.['unit_lease']?.block?.attributes?.find((a) => a.name === 'password');
    expect(password).toMatchObject({ computed: true, sensitive: true, writeOnly: false });
    expect((await svc.GetMetadata!({})).ephemeralResources).toEqual([{ typeName: 'unit_lease' }, { typeName: 'unit_once' }]);
    const json = providerSchemaJson(def) as { provider_schemas: Record<string, { ephemeral_resource_schemas?: Record<string, unknown> }> };
    expect(Object.keys(json.provider_schemas['registry.terraform.io/hikube/unit']?.ephemeral_resource_schemas ?? {})).toEqual(['unit_lease', 'unit_once']);
  });

  it('validates the configuration with the attribute path', async () => {
    const res = await svc.ValidateEphemeralResourceConfig!({ typeName: 'unit_lease', config: config({ user: 'far-too-long-name' }) });
    expect(res.diagnostics).toHaveLength(1);
    expect(res.diagnostics?.[0]).toMatchObject({ severity: 1, attribute: { steps: [{ attributeName: 'user' }] } });
  });

  it('opens: computed values filled, renew_at as a protobuf timestamp, private for renew and close', async () => {
    const res = await svc.OpenEphemeralResource!({ typeName: 'unit_lease', config: config({ tag: [{ key: 'k', seen: null }] }) });
    expect(res.diagnostics).toEqual([]);
    expect(decodeMsgpack(type, res.result?.msgpack ?? Buffer.alloc(0))).toEqual({
      user: 'app',
      mistake: null,
      ttl_s: 60,
      password: 'pw-of-app',
      tag: [{ key: 'k', seen: true }],
    });
    expect(res.renewAt).toEqual({ seconds: Math.floor(RENEW_AT.getTime() / 1000), nanos: 678_000_000 });
    expect(Buffer.from(res.private ?? []).toString()).toBe('{"lease":"l-app"}');
    expect(remote.events).toContain('open app');
  });

  it('renews with the private data and hands back the new one', async () => {
    const res = await svc.RenewEphemeralResource!({ typeName: 'unit_lease', private: Buffer.from('{"lease":"l-app"}') });
    expect(res.diagnostics).toEqual([]);
    expect(JSON.parse(Buffer.from(res.private ?? []).toString())).toEqual({ lease: 'l-app', renewed: true });
    expect(res.renewAt?.seconds).toBe(Math.floor(RENEW_AT.getTime() / 1000) + 1);
    expect(remote.events).toContain('renew l-app');
  });

  it('closes with the private data only', async () => {
    const res = await svc.CloseEphemeralResource!({ typeName: 'unit_lease', private: Buffer.from('{"lease":"l-app"}') });
    expect(res.diagnostics).toEqual([]);
    expect(remote.events.at(-1)).toBe('close l-app');
  });

  it('closes and answers nothing for a resource without close() and without private data', async () => {
    expect(await svc.CloseEphemeralResource!({ typeName: 'unit_once' })).toEqual({ diagnostics: [] });
    const opened = await svc.OpenEphemeralResource!({ typeName: 'unit_once', config: { msgpack: encodeMsgpack(impliedType(once.schema), { value: null }) } });
    expect(opened.private).toBeUndefined();
    expect(opened.renewAt).toBeUndefined();
  });

  it('does not open while the configuration is unknown: computed values come back unknown', async () => {
    const before = remote.events.length;
    const res = await svc.OpenEphemeralResource!({ typeName: 'unit_lease', config: config({ user: unknown }) });
    expect(res.diagnostics).toEqual([]);
    const result = decodeMsgpack(type, res.result?.msgpack ?? Buffer.alloc(0)) as Record<string, CtyValue>;
    expect(result['user']).toBeInstanceOf(Unknown);
    expect(result['password']).toBeInstanceOf(Unknown);
    expect(remote.events.length).toBe(before);
  });

  const bugs = [
    { mistake: 'change_user', summary: 'Provider produced an invalid ephemeral result', detail: /changed the configured value of user/, path: 'user' },
    { mistake: 'leave_unknown', summary: 'Provider produced an invalid ephemeral result', detail: /left password unknown/, path: 'password' },
    { mistake: 'fail', summary: 'Cannot open', detail: /the platform said no/, path: undefined },
  ];
  it.each(bugs)('refuses an open that does "$mistake" with one error and no result', async ({ mistake, summary, detail, path }) => {
    const res = await svc.OpenEphemeralResource!({ typeName: 'unit_lease', config: config({ mistake }) });
    expect(res.result).toBeUndefined();
    expect(res.private).toBeUndefined();
    expect(res.diagnostics).toHaveLength(1);
    expect(res.diagnostics?.[0]).toMatchObject({ severity: 1, summary });
    expect(res.diagnostics?.[0]?.detail).toMatch(detail);
    expect(res.diagnostics?.[0]?.attribute).toEqual(path ? { steps: [{ attributeName: path }] } : undefined);
    expect(res.diagnostics?.[0]?.detail).not.toContain('pw-of-app');
  });

  it('refuses renew_at from a resource that cannot renew, and a renew call for it', async () => {
    remote.events.push('ask renew');
    const res = await svc.OpenEphemeralResource!({ typeName: 'unit_once', config: { msgpack: encodeMsgpack(impliedType(once.schema), { value: null }) } });
    expect(res.diagnostics?.[0]?.detail).toMatch(/set renewAt but the ephemeral resource has no renew\(\)/);
    const renew = await svc.RenewEphemeralResource!({ typeName: 'unit_once' });
    expect(renew.diagnostics?.[0]?.summary).toBe('Renew not supported');
  });

  it('names the ephemeral resource types it has when asked for another', async () => {
    const res = await svc.OpenEphemeralResource!({ typeName: 'unit_nope', config: config({}) });
    expect(res.diagnostics?.[0]).toMatchObject({ summary: 'Invalid request' });
    expect(res.diagnostics?.[0]?.detail).toContain('no ephemeral resource type named "unit_nope"; it has: unit_lease, unit_once');
  });

  it('refuses a write-only attribute in an ephemeral resource when the provider is served', () => {
    const bad = ephemeralResource({ schema: schema({ attributes: { secret: attr.string({ optional: true, writeOnly: true }) } }), open() {} });
    const serve = () =>
      providerService(
        provider({ address: 'registry.terraform.io/hikube/unit', ephemeralResources: { unit_bad: bad } }),
        createLogger({ level: 'error', write: () => {} }),
      );
    expect(serve).toThrow(SchemaDefinitionError);
    expect(serve).toThrow(/ephemeral resource unit_bad: write-only attributes are only allowed in managed resources/);
  });
});
