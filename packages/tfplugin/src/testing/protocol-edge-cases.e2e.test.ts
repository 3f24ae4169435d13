import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '@hikube/testkit';
import { Unknown, unknown, type CtyValue } from '../protocol/cty-value.js';
import { MAGIC_COOKIE_VALUE } from '../protocol/handshake.js';
import { encodeMsgpack } from '../protocol/msgpack-codec.js';
import { buildExampleProvider } from '../proof/proof-helpers.js';
import { ProviderClient } from './provider-client.js';

// Protocol edge cases Terraform rarely produces, sent straight to the bundled example provider.

let built: Awaited<ReturnType<typeof buildExampleProvider>>;
let store: TempDir;
let client: ProviderClient;

const nullThing = (over: Record<string, CtyValue>): Record<string, CtyValue> => ({
  id: null,
  name: null,
  size: null,
  description: null,
  password: null,
  secret_wo: null,
  secret_set: null,
  revision: null,
  created_at: null,
  legacy: null,
  labels: null,
  endpoint: null,
  ports: null,
  aliases: null,
  envs: null,
  network: null,
  rule: [],
  tag: [],
  zone: {},
  settings: { mode: null },
  timeouts: null,
  ...over,
});

beforeAll(async () => {
  built = await buildExampleProvider();
  store = await createTempDir('tfplugin-edge');
  client = await ProviderClient.launch({ command: [process.execPath, built.bundle], env: { TF_LOG: 'TRACE' } });
  const configured = await client.call('ConfigureProvider', {
    terraformVersion: '1.11.4',
    config: await client.value('provider', { store_dir: store.path, api_token: 'token-never-logged', session_token: null }),
  });
  expect(configured.diagnostics ?? []).toEqual([]);
});

afterAll(async () => {
  await client?.shutdown();
  await store?.remove();
  await built?.dir.remove();
});

describe('handshake and process behaviour', () => {
  it('prints go-plugin handshake with an unpadded certificate and serves health for "plugin"', async () => {
    expect(client.handshake).toMatchObject({ core: 1, app: 6, network: 'unix', protocol: 'grpc' });
    expect(client.handshake.serverCertDer?.length).toBeGreaterThan(100);
    expect((await client.healthCheck()).status).toBe(1);
    const schema = await client.schema();
    expect(schema.serverCapabilities).toEqual({ planDestroy: true, getProviderSchemaOptional: true });
  });

  it('refuses to run by hand with a clear message and nothing on stdout', () => {
    const env = { ...process.env };
    delete env['TF_PLUGIN_MAGIC_COOKIE'];
    const run = spawnSync(process.execPath, [built.bundle], { env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('is a Terraform plugin');
  });

  it('ignores SIGINT, exits cleanly on Shutdown and removes its socket', async () => {
    const own = await ProviderClient.launch({ command: [process.execPath, built.bundle] });
    own.child.kill('SIGINT');
    expect((await own.healthCheck()).status).toBe(1);
    expect(own.socketExists()).toBe(true);
    expect(await own.shutdown()).toEqual({ code: 0, signal: null });
    expect(own.socketExists()).toBe(false);
  });

  it('exits by itself when Terraform dies without Shutdown (orphaned)', async () => {
    const { spawn } = await import('node:child_process');
    const env = { ...process.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE };
    // The shell starts the provider in the background, lets it start, and exits: the provider is orphaned.
    const sh = spawn('/bin/sh', ['-c', `'${process.execPath}' '${built.bundle}' >/dev/null 2>&1 & echo $!; sleep 1`], {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const pid = Number((await new Promise<string>((resolve) => sh.stdout.setEncoding('utf8').once('data', resolve))).trim());
    const alive = (): boolean => {
      try {
        // A reaped or zombie process counts as gone.
        return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 250 && alive(); i++) await new Promise((r) => setTimeout(r, 20));
    const stillAlive = alive();
    if (stillAlive) process.kill(pid, 'SIGTERM'); // ours: do not leave it behind when the test fails
    expect(stillAlive).toBe(false);
  });

  it('serves plaintext when Terraform disables plugin TLS', async () => {
    const own = await ProviderClient.launch({ command: [process.execPath, built.bundle], tls: false });
    expect(own.handshake.serverCertDer).toBeUndefined();
    expect((await own.call('GetMetadata', {})).resources?.map((r) => r.typeName)).toContain('example_thing');
    await own.shutdown();
  });

  it('prints TF_REATTACH_PROVIDERS in debug mode and serves without a cookie', async () => {
    const { spawn } = await import('node:child_process');
    const env = { ...process.env };
    delete env['TF_PLUGIN_MAGIC_COOKIE'];
    const child = spawn(process.execPath, [built.bundle, '--debug'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const text = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        if (out.includes("'\n")) resolve(out);
      });
    });
    const value = JSON.parse(/TF_REATTACH_PROVIDERS='(.*)'/.exec(text)?.[1] ?? '{}') as Record<
      string,
      { Pid: number; ProtocolVersion: number; Test: boolean; Addr: { Network: string } }
    >;
    const entry = value['registry.terraform.io/hikube/example'];
    expect(entry).toMatchObject({ Pid: child.pid, ProtocolVersion: 6, Test: true, Addr: { Network: 'unix' } });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});

describe('RPC edge cases', () => {
  it('answers many concurrent RPCs of different kinds', async () => {
    const config = await client.value('example_thing', nullThing({ name: 'c', size: 2 }));
    const proposed = await client.value('example_thing', nullThing({ name: 'c', size: 2 }));
    const calls = Array.from({ length: 40 }, (_, i) =>
      i % 2
        ? client.call('PlanResourceChange', { typeName: 'example_thing', priorState: { msgpack: Buffer.from([0xc0]) }, proposedNewState: proposed, config })
        : client.call('ValidateResourceConfig', { typeName: 'example_thing', config }),
    );
    const results = await Promise.all(calls);
    for (const r of results) expect(r.diagnostics ?? []).toEqual([]);
    const planned = (await client.decode('example_thing', (results[1] as { plannedState?: { msgpack?: Uint8Array } }).plannedState)) as Record<
      string,
      CtyValue
    >;
    expect(planned['id']).toBeInstanceOf(Unknown);
    expect(planned['size']).toBe(2);
  });

  it('StopProvider aborts an apply in flight', async () => {
    const planned = await client.value('example_slow', { id: unknown, delay_ms: 60_000 });
    const config = await client.value('example_slow', { id: null, delay_ms: 60_000 });
    const apply = client.call('ApplyResourceChange', { typeName: 'example_slow', priorState: { msgpack: Buffer.from([0xc0]) }, plannedState: planned, config });
    // Wait until create() is really waiting (it logs), then interrupt.
    for (let i = 0; i < 500 && !client.stderr.includes('slow create started'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(client.stderr).toContain('slow create started');
    expect(await client.call('StopProvider', {})).toEqual({});
    const res = await apply;
    expect(res.diagnostics?.[0]).toMatchObject({ severity: 1, summary: 'Interrupted' });
  });

  const malformed = [
    { name: 'garbage msgpack', msgpack: Buffer.from([0xc1, 0x00]), want: /invalid msgpack byte/ },
    {
      name: 'an attribute the schema lacks',
      msgpack: encodeMsgpack({ kind: 'object', attributes: { nope: { kind: 'string' } } }, { nope: 'x' }),
      want: /unsupported attribute "nope"/,
    },
    {
      name: 'a string where a number belongs',
      msgpack: Buffer.from(encodeMsgpack({ kind: 'object', attributes: { size: { kind: 'string' } } }, { size: 'big' })),
      want: /invalid number text at \.size/,
    },
  ];
  it.each(malformed)('turns $name into an error diagnostic, not a crash', async ({ msgpack, want }) => {
    const res = await client.call('ValidateResourceConfig', { typeName: 'example_thing', config: { msgpack } });
    expect(res.diagnostics).toHaveLength(1);
    expect(res.diagnostics?.[0]?.severity).toBe(1);
    expect(res.diagnostics?.[0]?.detail).toMatch(want);
    expect((await client.healthCheck()).status).toBe(1);
  });

  it('names the resource types it has when asked for another', async () => {
    const res = await client.call('ReadResource', { typeName: 'example_nope', currentState: { msgpack: Buffer.from([0xc0]) } });
    expect(res.diagnostics?.[0]?.detail).toContain('no resource type named "example_nope"; it has: example_thing, example_buggy, example_slow');
  });

  it('tolerates refined unknowns and unknown blocks in config, and echoes them in the plan', async () => {
    const refinedSize = new Unknown({ notNull: true, numberLower: [1, true], numberUpper: [10, true] });
    const cfg = nullThing({ name: 'u', size: refinedSize, rule: unknown, labels: new Unknown({ lengthLower: 1 }) });
    const config = await client.value('example_thing', cfg);
    const validate = await client.call('ValidateResourceConfig', { typeName: 'example_thing', config });
    expect(validate.diagnostics ?? []).toEqual([]);
    const plan = await client.call('PlanResourceChange', {
      typeName: 'example_thing',
      priorState: { msgpack: Buffer.from([0xc0]) },
      proposedNewState: config,
      config,
    });
    const planned = (await client.decode('example_thing', plan.plannedState)) as Record<string, CtyValue>;
    expect(planned['size']).toEqual(refinedSize);
    expect(planned['rule']).toEqual(unknown);
  });

  it('reports a value create() left unknown instead of returning it', async () => {
    const res = await client.call('ApplyResourceChange', {
      typeName: 'example_buggy',
      priorState: { msgpack: Buffer.from([0xc0]) },
      plannedState: await client.value('example_buggy', { id: unknown, value: unknown, mistake: 'none' }),
      config: await client.value('example_buggy', { id: null, value: unknown, mistake: 'none' }),
    });
    expect(res.diagnostics?.[0]).toMatchObject({ summary: 'Provider left a value unknown after apply', attribute: { steps: [{ attributeName: 'value' }] } });
  });

  it('upgrades version-0 state with the resource upgrader and plain JSON state of the current version', async () => {
    const v0 = await client.call('UpgradeResourceState', {
      typeName: 'example_thing',
      version: 0,
      rawState: {
        json: Buffer.from(JSON.stringify({ ...nullThing({ id: 'x', name: 'n', size: 123456789012 }), description: undefined, comment: 'old words' })),
      },
    });
    expect(v0.diagnostics ?? []).toEqual([]);
    expect(await client.decode('example_thing', v0.upgradedState)).toMatchObject({ id: 'x', description: 'old words', size: 123456789012 });
    const v1 = await client.call('UpgradeResourceState', {
      typeName: 'example_thing',
      version: 1,
      rawState: { json: Buffer.from('{"id":"y","name":"n","secret_wo":"must-go"}') },
    });
    expect(await client.decode('example_thing', v1.upgradedState)).toMatchObject({ id: 'y', secret_wo: null, rule: [], zone: {}, settings: { mode: null } });
  });

  it('plans destroys (plan_destroy) as null and keeps private state', async () => {
    const prior = await client.value('example_thing', nullThing({ id: 'z', name: 'z' }));
    const res = await client.call('PlanResourceChange', {
      typeName: 'example_thing',
      priorState: prior,
      proposedNewState: { msgpack: Buffer.from([0xc0]) },
      config: { msgpack: Buffer.from([0xc0]) },
      priorPrivate: Buffer.from('{"etag":"e9"}'),
    });
    expect(await client.decode('example_thing', res.plannedState)).toBeNull();
    expect(Buffer.from(res.plannedPrivate ?? []).toString()).toBe('{"etag":"e9"}');
  });

  it('writes hclog JSON lines on stderr without sensitive values', () => {
    const lines = client.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, string>;
      expect(entry['@timestamp']).toMatch(/\.\d{6}Z$/);
      expect(line).not.toContain('token-never-logged');
    }
  });
});

describe('ephemeral resources over gRPC with mutual TLS', () => {
  const tokenFile = (id: string) =>
    JSON.parse(readFileSync(`${store.path}/token-${id}.json`, 'utf8')) as { name: string; value: string; renewals: number; closed: boolean };

  it('lists, validates, opens, renews and closes, handing private data from call to call', async () => {
    expect(client.handshake.serverCertDer?.length).toBeGreaterThan(100);
    expect((await client.call('GetMetadata', {})).ephemeralResources).toEqual([{ typeName: 'example_token' }]);
    const config = await client.value('ephemeral.example_token', { name: 'ci', renew_after_ms: 1000, value: null, id: null });
    expect((await client.call('ValidateEphemeralResourceConfig', { typeName: 'example_token', config })).diagnostics ?? []).toEqual([]);

    const before = Date.now();
    const opened = await client.call('OpenEphemeralResource', { typeName: 'example_token', config, clientCapabilities: { writeOnlyAttributesAllowed: true } });
    expect(opened.diagnostics ?? []).toEqual([]);
    const result = (await client.decode('ephemeral.example_token', opened.result)) as Record<string, CtyValue>;
    const id = String(result['id']);
    expect(result).toMatchObject({ name: 'ci', renew_after_ms: 1000 });
    expect(result['value']).toMatch(/^tok-[0-9a-f]{24}$/);
    expect(tokenFile(id)).toEqual({ name: 'ci', value: result['value'], renewals: 0, closed: false });
    const renewAtMs = (opened.renewAt?.seconds ?? 0) * 1000 + (opened.renewAt?.nanos ?? 0) / 1e6;
    expect(renewAtMs).toBeGreaterThanOrEqual(before + 1000);
    expect(renewAtMs).toBeLessThan(Date.now() + 1001);
    expect(JSON.parse(Buffer.from(opened.private ?? []).toString())).toEqual({ token: id });

    const renewed = await client.call('RenewEphemeralResource', { typeName: 'example_token', private: opened.private ?? Buffer.alloc(0) });
    expect(renewed.diagnostics ?? []).toEqual([]);
    expect(tokenFile(id).renewals).toBe(1);

    const closed = await client.call('CloseEphemeralResource', { typeName: 'example_token', private: opened.private ?? Buffer.alloc(0) });
    expect(closed.diagnostics ?? []).toEqual([]);
    expect(tokenFile(id).closed).toBe(true);
    // A renewal after close fails with a diagnostic, not a broken connection.
    const late = await client.call('RenewEphemeralResource', { typeName: 'example_token', private: opened.private ?? Buffer.alloc(0) });
    expect(late.diagnostics?.[0]).toMatchObject({ severity: 1, summary: 'Token gone' });
    expect(client.stderr).not.toContain(String(result['value']));
  });

  it('reports an invalid ephemeral configuration on its attribute', async () => {
    const config = await client.value('ephemeral.example_token', { name: '', renew_after_ms: null, value: null, id: null });
    const res = await client.call('ValidateEphemeralResourceConfig', { typeName: 'example_token', config });
    expect(res.diagnostics).toHaveLength(1);
    expect(res.diagnostics?.[0]).toMatchObject({ severity: 1, attribute: { steps: [{ attributeName: 'name' }] } });
  });
});
