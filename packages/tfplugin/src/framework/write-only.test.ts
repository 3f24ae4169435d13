import { describe, expect, it } from 'vitest';
import { unknown, type CtyValue } from '../protocol/cty-value.js';
import { createLogger } from '../protocol/logger.js';
import { decodeMsgpack, encodeMsgpack } from '../protocol/msgpack-codec.js';
import { Diagnostics } from './diagnostics.js';
import { definitions } from './provider.js';
import { providerService } from './provider-server.js';
import { impliedType } from './schema-protocol.js';
import { attr, block, schema, SchemaDefinitionError, type SchemaBody } from './schema.js';
import { assertWriteOnlyPlacement, refuseWriteOnlyValues, writeOnlyValuePaths } from './write-only.js';

// Write-only attributes: declared, taken from configuration, never in a plan or a state.

const body = schema({
  attributes: {
    id: attr.string({ computed: true }),
    secret: attr.string({ optional: true, writeOnly: true, sensitive: true }),
    users: attr.mapNested({ password_wo: attr.string({ optional: true, writeOnly: true }), role: attr.string({ optional: true }) }, { optional: true }),
  },
  blocks: { hook: block.list({ attributes: { token_wo: attr.string({ optional: true, writeOnly: true }) } }) },
});
const type = impliedType(body);
const SECRET = 'never-shown-s3cret';

describe('write-only values', () => {
  const paths = [
    { name: 'nothing set', given: { id: 'x', secret: null, users: null, hook: [] }, want: [] },
    { name: 'a top-level value', given: { id: 'x', secret: SECRET, users: null, hook: [] }, want: [['secret']] },
    { name: 'an unknown value', given: { id: 'x', secret: unknown, users: null, hook: [] }, want: [['secret']] },
    {
      name: 'inside a map and a list',
      given: {
        id: null,
        secret: null,
        users: { app: { password_wo: SECRET, role: 'r' }, ro: { password_wo: null, role: null } },
        hook: [{ token_wo: null }, { token_wo: SECRET }],
      },
      want: [
        ['users', { key: 'app' }, 'password_wo'],
        ['hook', 1, 'token_wo'],
      ],
    },
  ];
  it.each(paths)('finds $name', ({ given, want }) => {
    expect(writeOnlyValuePaths(body, given as CtyValue)).toEqual(want);
  });

  it('refuses provider-returned values: one error per path, no value shown, all of them nulled', () => {
    const value = { id: 'x', secret: SECRET, users: { app: { password_wo: SECRET, role: 'r' } }, hook: [{ token_wo: SECRET }] };
    const diagnostics = new Diagnostics();
    refuseWriteOnlyValues(body, value, diagnostics, 'create() of t');
    expect(diagnostics.items.map((d) => d.path)).toEqual([['secret'], ['users', { key: 'app' }, 'password_wo'], ['hook', 0, 'token_wo']]);
    expect(diagnostics.items.every((d) => d.summary === 'Provider returned a write-only value' && !JSON.stringify(d).includes(SECRET))).toBe(true);
    expect(value).toEqual({ id: 'x', secret: null, users: { app: { password_wo: null, role: 'r' } }, hook: [{ token_wo: null }] });
  });

  const placements: { name: string; given: SchemaBody; allowed: boolean; want: RegExp | null }[] = [
    { name: 'a managed resource', given: body, allowed: true, want: null },
    { name: 'a data source', given: body, allowed: false, want: /only allowed in managed resources/ },
    {
      name: 'a set-nested attribute',
      given: schema({ attributes: { s: attr.setNested({ wo: attr.string({ optional: true, writeOnly: true }) }, { optional: true }) } }),
      allowed: true,
      want: /s is a set and cannot hold write-only/,
    },
    {
      name: 'a set block',
      given: schema({ attributes: {}, blocks: { b: block.set({ attributes: { wo: attr.string({ optional: true, writeOnly: true }) } }) } }),
      allowed: true,
      want: /block b is a set and cannot hold write-only/,
    },
    {
      name: 'a set block without write-only attributes',
      given: schema({ attributes: {}, blocks: { b: block.set({ attributes: { x: attr.string({ optional: true }) } }) } }),
      allowed: true,
      want: null,
    },
  ];
  it.each(placements)('places write-only attributes in $name: $want', ({ given, allowed, want }) => {
    const check = () => assertWriteOnlyPlacement(given, 'test', allowed);
    if (want === null) expect(check).not.toThrow();
    else {
      expect(check).toThrow(SchemaDefinitionError);
      expect(check).toThrow(want);
    }
  });
});

describe('write-only values through the RPC handlers', () => {
  const { resource, provider } = definitions<undefined>();
  const leaky = (id: string) => ({ id, secret: SECRET, users: null, hook: [] });
  const svc = providerService(
    provider({
      address: 'registry.terraform.io/hikube/unit',
      resources: {
        unit_leaky: resource({
          schema: body,
          create(_req, resp) {
            resp.state = leaky('c') as never;
          },
          read(req, resp) {
            resp.state = leaky(req.state.id ?? 'r') as never;
          },
          update(req, resp) {
            resp.state = { ...req.plan };
          },
          delete() {},
          modifyPlan(req, resp) {
            if (resp.plan && req.config?.id === null) resp.plan = { ...resp.plan, secret: SECRET } as never;
          },
          importState(req, resp) {
            resp.state = leaky(req.id) as never;
          },
        }),
      },
    }),
    createLogger({ level: 'off' }),
  );
  const dv = (v: CtyValue) => ({ msgpack: encodeMsgpack(type, v) });
  const nul = { msgpack: Buffer.from([0xc0]) };
  const config = { id: null, secret: SECRET, users: null, hook: [] };

  const rpcs = [
    {
      rpc: 'ApplyResourceChange',
      call: () =>
        svc.ApplyResourceChange!({ typeName: 'unit_leaky', priorState: nul, plannedState: dv({ ...config, id: unknown, secret: null }), config: dv(config) }),
      field: 'newState' as const,
    },
    {
      rpc: 'ReadResource',
      call: () => svc.ReadResource!({ typeName: 'unit_leaky', currentState: dv({ ...config, id: 'r', secret: null }) }),
      field: 'newState' as const,
    },
    {
      rpc: 'PlanResourceChange',
      call: () => svc.PlanResourceChange!({ typeName: 'unit_leaky', priorState: nul, proposedNewState: dv(config), config: dv(config) }),
      field: 'plannedState' as const,
    },
  ];
  it.each(rpcs)('$rpc: an error on the attribute, and the value never sent', async ({ call, field }) => {
    const res = (await call()) as { diagnostics?: { summary?: string; attribute?: unknown; detail?: string }[] } & Record<
      string,
      { msgpack?: Uint8Array } | undefined
    >;
    expect(res.diagnostics).toHaveLength(1);
    expect(res.diagnostics?.[0]).toMatchObject({ summary: 'Provider returned a write-only value', attribute: { steps: [{ attributeName: 'secret' }] } });
    expect(res.diagnostics?.[0]?.detail).not.toContain(SECRET);
    const value = decodeMsgpack(type, res[field]?.msgpack ?? Buffer.alloc(0)) as Record<string, CtyValue>;
    expect(value['secret']).toBeNull();
  });

  it('ImportResourceState: refused the same way', async () => {
    const res = await svc.ImportResourceState!({ typeName: 'unit_leaky', id: 'i1' });
    expect(res.diagnostics?.[0]).toMatchObject({ summary: 'Provider returned a write-only value' });
    expect(Buffer.from(res.importedResources?.[0]?.state?.msgpack ?? []).includes(SECRET)).toBe(false);
  });

  it('plans a null write-only value from the configuration Terraform proposes, without complaint', async () => {
    const res = await svc.PlanResourceChange!({
      typeName: 'unit_leaky',
      priorState: dv({ ...config, id: 'x', secret: null }),
      proposedNewState: dv({ ...config, id: 'x' }),
      config: dv({ ...config, id: 'x' }),
    });
    expect(res.diagnostics).toEqual([]);
    expect((decodeMsgpack(type, res.plannedState?.msgpack ?? Buffer.alloc(0)) as Record<string, CtyValue>)['secret']).toBeNull();
  });

  const capabilities = [
    { name: 'Terraform 1.11+ with a value', caps: { writeOnlyAttributesAllowed: true }, value: SECRET, errors: 0 },
    { name: 'an older Terraform with a value', caps: undefined, value: SECRET, errors: 1 },
    { name: 'an older Terraform without a value', caps: {}, value: null, errors: 0 },
  ];
  it.each(capabilities)('ValidateResourceConfig from $name: $errors error(s)', async ({ caps, value, errors }) => {
    const res = await svc.ValidateResourceConfig!({
      typeName: 'unit_leaky',
      config: dv({ ...config, secret: value }),
      ...(caps ? { clientCapabilities: caps } : {}),
    });
    expect(res.diagnostics).toHaveLength(errors);
    if (errors)
      expect(res.diagnostics?.[0]).toMatchObject({
        summary: 'Write-only attribute needs Terraform 1.11 or later',
        attribute: { steps: [{ attributeName: 'secret' }] },
      });
  });
});
