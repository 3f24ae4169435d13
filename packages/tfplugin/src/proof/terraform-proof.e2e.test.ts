import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir, findResourceChange, findStateResource, isUnknownAfter, TerraformWorkspace, type TempDir } from '@hikube/testkit';
import { providerSchemaJson } from '../framework/schema-json.js';
import { exampleProvider } from './example-provider.js';
import { buildExampleProvider, recordingSteps } from './proof-helpers.js';

// Section 3 of issue 5: the example provider, built on the framework and bundled like a real
// provider, driven by the real terraform binary. Steps share one workspace and run in order.

const PASSWORD = 'hunter2-sensitive-value';
const WRITE_ONLY = 'wo-secret-value-123';

function thingConfig(storeDir: string, name: string, extra = ''): string {
  return `
terraform {
  required_providers {
    example = { source = "hikube/example" }
  }
}
provider "example" {
  store_dir = "${storeDir}"
}
resource "example_thing" "a" {
  name        = "${name}"
  description = "first"
  password    = "${PASSWORD}"
  secret_wo   = "${WRITE_ONLY}"
  labels      = { team = "db" }
  ports       = [{ number = 5432 }, { number = 53, protocol = "udp" }]
  aliases     = [{ name = "a1" }, { name = "a2" }]
  envs        = { MODE = { value = "x" } }
  network {
    cidr = "10.0.0.0/24"
  }
  rule {
    action   = "allow"
    priority = 1
  }
  rule {
    action = "deny"
  }
  tag {
    key   = "k1"
    value = "v1"
  }
  zone "gland" {
    weight = 2
  }
  settings {
    mode = "fast"
  }
  timeouts {
    create = "5m"
  }
}
data "example_info" "i" {
  name = "world"
}
output "greeting" {
  value = data.example_info.i.greeting
}
${extra}`;
}

let built: Awaited<ReturnType<typeof buildExampleProvider>>;
let store: TempDir;

beforeAll(async () => {
  built = await buildExampleProvider();
  store = await createTempDir('tfplugin-store');
});

afterAll(async () => {
  await store?.remove();
  await built?.dir.remove();
});

describe('example provider through the real terraform (dev_overrides)', () => {
  let tf: TerraformWorkspace;
  const { step, failed } = recordingSteps();
  beforeAll(async () => {
    tf = await TerraformWorkspace.create({
      files: { 'main.tf': thingConfig(store.path, 'alpha') },
      providers: [{ source: 'hikube/example', executable: built.executable, install: 'dev-overrides' }],
      logLevel: 'DEBUG', // the last step reads the provider's log lines
      providerLogLevel: 'TRACE',
    });
  });
  afterAll(async () => {
    await tf?.dispose({ failed: failed() });
  });

  let thingId = '';

  step('plans a create: defaults known, computed values unknown, secrets hidden', async () => {
    const { plan, planFile, stdout } = await tf.plan({ out: true });
    const change = findResourceChange(plan!, 'example_thing.a').change;
    expect(change.actions).toEqual(['create']);
    for (const path of [['id'], ['revision'], ['created_at'], ['endpoint'], ['secret_set']]) expect(isUnknownAfter(change, path)).toBe(true);
    const after = change.after as Record<string, unknown>;
    expect(after['size']).toBe(1);
    expect(after['ports']).toEqual([
      { number: 5432, protocol: 'tcp' },
      { number: 53, protocol: 'udp' },
    ]);
    expect(after['secret_wo']).toBeNull();
    expect((change.after_sensitive as Record<string, unknown>)['password']).toBe(true);
    expect(stdout).not.toContain(PASSWORD);
    expect(stdout).not.toContain(WRITE_ONLY);
    const apply = await tf.apply({ planFile: planFile! });
    expect(apply.stdout).toContain('Apply complete! Resources: 1 added');
  });

  step('stores every nesting mode, resolves computed values, never stores the write-only value', async () => {
    const state = await tf.state();
    const values = findStateResource(state.values, 'example_thing.a').values as Record<string, unknown>;
    thingId = values['id'] as string;
    expect(thingId).toMatch(/^[0-9a-f]{8}$/);
    expect(values).toMatchObject({
      name: 'alpha',
      size: 1,
      revision: 1,
      secret_set: true,
      secret_wo: null,
      endpoint: { host: 'alpha.example.internal', port: 5432 },
      labels: { team: 'db' },
      envs: { MODE: { value: 'x' } },
      network: { cidr: '10.0.0.0/24' },
      rule: [
        { action: 'allow', priority: 1 },
        { action: 'deny', priority: null },
      ],
      tag: [{ key: 'k1', value: 'v1' }],
      zone: { gland: { weight: 2 } },
      settings: { mode: 'fast' },
    });
    expect((values['aliases'] as { name: string }[]).map((a) => a.name).sort()).toEqual(['a1', 'a2']);
    expect(await tf.stateFile()).not.toContain(WRITE_ONLY);
    expect(findStateResource(state.values, 'data.example_info.i').values).toMatchObject({ greeting: 'hello world' });
  });

  step('plans nothing the second time', async () => {
    const second = await tf.plan();
    expect(second.changes).toBe(false);
    expect(second.stdout).toContain('No changes.');
    expect(second.stdout).not.toContain('private state lost');
  });

  step('notices drift on refresh and updates in place, keeping the id', async () => {
    const file = join(store.path, `thing-${thingId}.json`);
    const remote = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...remote, description: 'edited by hand' }));
    const { plan, planFile } = await tf.plan({ out: true });
    expect(plan!.resource_drift?.map((d) => d.address)).toContain('example_thing.a');
    const change = findResourceChange(plan!, 'example_thing.a').change;
    expect(change.actions).toEqual(['update']);
    expect((change.after as Record<string, unknown>)['id']).toBe(thingId);
    expect(isUnknownAfter(change, ['revision'])).toBe(true);
    expect(isUnknownAfter(change, ['endpoint'])).toBe(false);
    await tf.apply({ planFile: planFile! });
    const values = findStateResource((await tf.state()).values, 'example_thing.a').values as Record<string, unknown>;
    expect(values).toMatchObject({ id: thingId, description: 'first', revision: 2 });
  });

  step('plans a replacement when a requires-replace attribute changes', async () => {
    await tf.writeFiles({ 'main.tf': thingConfig(store.path, 'renamed') });
    const { plan } = await tf.plan({ out: true });
    const change = findResourceChange(plan!, 'example_thing.a').change;
    expect(change.actions).toEqual(['delete', 'create']);
    expect(change.replace_paths).toEqual([['name']]);
  });

  step('imports an existing object with an import block', async () => {
    writeFileSync(
      join(store.path, 'thing-imp00001.json'),
      JSON.stringify({
        id: 'imp00001',
        name: 'beta',
        size: 3,
        description: null,
        password: null,
        secret_wo: null,
        secret_set: false,
        revision: 7,
        created_at: '2026-01-01T00:00:00Z',
        legacy: null,
        labels: null,
        endpoint: { host: 'beta.example.internal', port: 5432 },
        ports: null,
        aliases: null,
        envs: null,
        network: null,
        rule: [],
        tag: [],
        zone: {},
        settings: { mode: null },
        timeouts: null,
      }),
    );
    const extra = `
import {
  to = example_thing.b
  id = "imp00001"
}
resource "example_thing" "b" {
  name = "beta"
  size = 3
}`;
    await tf.writeFiles({ 'main.tf': thingConfig(store.path, 'alpha', extra) });
    const { plan, planFile } = await tf.plan({ out: true });
    const change = findResourceChange(plan!, 'example_thing.b').change;
    expect(change.importing?.id).toBe('imp00001');
    expect(change.actions).toEqual(['no-op']);
    await tf.apply({ planFile: planFile! });
    const values = findStateResource((await tf.state()).values, 'example_thing.b').values as Record<string, unknown>;
    expect(values).toMatchObject({ id: 'imp00001', name: 'beta', revision: 7 });
  });

  step('destroys everything and leaves no secret in the provider logs', async () => {
    const destroyed = await tf.destroy();
    expect(destroyed.stdout).toContain('Destroy complete! Resources: 2 destroyed');
    expect(destroyed.stdout).not.toContain('private state lost');
    expect(readdirSync(store.path).filter((f) => f.startsWith('thing-'))).toEqual([]);
    const logs = readdirSync(tf.logDir).map((f) => readFileSync(join(tf.logDir, f), 'utf8'));
    const providerLines = logs.flatMap((l) => l.split('\n')).filter((l) => l.includes('provider.terraform-provider-example'));
    expect(providerLines.some((l) => l.includes('"rpc"') || l.includes('rpc='))).toBe(true);
    for (const line of providerLines) {
      expect(line).not.toContain(PASSWORD);
      expect(line).not.toContain(WRITE_ONLY);
    }
  });
});

describe('ephemeral resource through the real terraform: a provider block and a write-only argument', () => {
  let tf: TerraformWorkspace;
  let tokens: TempDir;
  const { step, failed } = recordingSteps();
  // The token feeds a second configuration of the provider (which checks it is open) and a write-only argument.
  const config = (dir: string): string => `
terraform {
  required_providers {
    example = { source = "hikube/example" }
  }
}
provider "example" {
  store_dir = "${dir}"
}
ephemeral "example_token" "deploy" {
  name           = "deploy"
  renew_after_ms = 300
}
provider "example" {
  alias         = "session"
  store_dir     = "${dir}"
  session_token = ephemeral.example_token.deploy.value
}
resource "example_thing" "w" {
  provider  = example.session
  name      = "with-token"
  secret_wo = ephemeral.example_token.deploy.value
}
# Keeps the session provider, and so the token, in use long past the renewal time.
resource "example_slow" "wait" {
  provider = example.session
  delay_ms = 3000
}
`;
  const issued = (): { value: string; closed: boolean; renewals: number }[] =>
    readdirSync(tokens.path)
      .filter((f) => f.startsWith('token-'))
      .map((f) => JSON.parse(readFileSync(join(tokens.path, f), 'utf8')) as { value: string; closed: boolean; renewals: number });
  const expectNoTokenIn = (text: string | undefined): void => {
    for (const t of issued()) expect(text).not.toContain(t.value);
  };

  beforeAll(async () => {
    tokens = await createTempDir('tfplugin-ephemeral');
    tf = await TerraformWorkspace.create({
      files: { 'main.tf': config(tokens.path) },
      providers: [{ source: 'hikube/example', executable: built.executable, install: 'dev-overrides' }],
      logLevel: 'OFF',
    });
  });
  afterAll(async () => {
    await tf?.dispose({ failed: failed() });
    await tokens?.remove();
  });

  step('validates and applies; a token in use past renew_at is renewed, every token is closed at the end of its run', async () => {
    expect((await tf.validate()).validation.valid).toBe(true);
    const apply = await tf.apply();
    expect(apply.stdout).toContain('Apply complete! Resources: 2 added');
    expect(issued().length).toBeGreaterThan(0);
    expect(issued().some((t) => t.renewals > 0)).toBe(true);
    expect(issued().every((t) => t.closed)).toBe(true);
    expectNoTokenIn(apply.stdout);
  });

  step('the write-only argument carried an issued token; state and show -json hold none', async () => {
    const values = findStateResource((await tf.state()).values, 'example_thing.w').values as Record<string, unknown>;
    expect(values).toMatchObject({ name: 'with-token', secret_set: true, secret_wo: null });
    const received = JSON.parse(readFileSync(join(tokens.path, `secret-${String(values['id'])}.json`), 'utf8')) as { secret: string };
    expect(issued().map((t) => t.value)).toContain(received.secret);
    const stateFile = await tf.stateFile();
    expect(stateFile).toContain('with-token');
    expectNoTokenIn(stateFile);
    expectNoTokenIn(JSON.stringify(await tf.state()));
  });

  step('plans nothing the next time, opening and closing a fresh token, and a saved plan holds none', async () => {
    const before = issued().length;
    const { plan, stdout } = await tf.plan({ out: true });
    expect(stdout).toContain('No changes.');
    expect(issued().length).toBeGreaterThan(before);
    expect(issued().every((t) => t.closed)).toBe(true);
    expectNoTokenIn(JSON.stringify(plan));
    expectNoTokenIn(await tf.stateFile());
  });

  step('destroys', async () => {
    expect((await tf.destroy()).stdout).toContain('Destroy complete! Resources: 2 destroyed');
    expect(readdirSync(tokens.path).filter((f) => f.startsWith('thing-') || f.startsWith('secret-'))).toEqual([]);
  });
});

describe('example provider installed from a filesystem mirror', () => {
  let tf: TerraformWorkspace;
  const header = (storeDir: string): string => `
terraform {
  required_providers {
    example = {
      source  = "hikube/example"
      version = "0.1.0"
    }
  }
}
provider "example" {
  store_dir = "${storeDir}"
}
`;
  beforeAll(async () => {
    tf = await TerraformWorkspace.create({
      files: { 'main.tf': `${header(store.path)}resource "example_thing" "x" {\n  name = "x"\n  size = 100\n}\n` },
      providers: [{ source: 'hikube/example', executable: built.executable, install: 'filesystem-mirror', version: '0.1.0' }],
      logLevel: 'OFF',
    });
  });
  afterAll(async () => {
    await tf?.dispose();
  });

  it('installs offline with a lock file, and serves the same schema document we generate', async () => {
    await tf.init();
    expect(await tf.lockFile()).toContain('registry.terraform.io/hikube/example');
    const schemaRun = await tf.run(['providers', 'schema', '-json']);
    const fromTerraform = JSON.parse(schemaRun.stdout) as { provider_schemas: Record<string, unknown> };
    expect(fromTerraform.provider_schemas).toEqual((providerSchemaJson(exampleProvider) as { provider_schemas: unknown }).provider_schemas);
  });

  it('reports validator errors on the attribute', async () => {
    const result = await tf.validate({ check: false });
    expect(result.validation.valid).toBe(false);
    const diag = result.validation.diagnostics.find((d) => d.summary.includes('size'));
    expect(diag?.detail).toContain('must be between 1 and 64, got 100');
    // The attribute path lets Terraform point at the attribute, not the whole block.
    const mainTf = (await tf.readFile('main.tf')) ?? '';
    expect(diag?.range?.start.line).toBe(mainTf.split('\n').findIndex((l) => l.includes('size = 100')) + 1);
  });

  const mistakes = [
    { mistake: 'plan_changes_config', want: 'Provider produced invalid plan' },
    { mistake: 'apply_differs', want: 'Provider produced inconsistent result after apply' },
  ];
  it.each(mistakes)('lets Terraform catch the provider bug "$mistake"', async ({ mistake, want }) => {
    await tf.writeFiles({ 'main.tf': `${header(store.path)}resource "example_buggy" "b" {\n  value   = "v"\n  mistake = "${mistake}"\n}\n` });
    const result = await tf.apply({ check: false });
    expect(result.ok).toBe(false);
    expect(result.stderr).toContain(want);
  });
});

describe('example provider in debug mode, reattached by terraform', () => {
  it('serves terraform through TF_REATTACH_PROVIDERS and keeps running for the next run', async () => {
    const env = { ...process.env };
    delete env['TF_PLUGIN_MAGIC_COOKIE'];
    const child = spawn(process.execPath, [built.bundle, '--debug'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let tf: TerraformWorkspace | undefined;
    try {
      const banner = await new Promise<string>((resolve) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          out += c;
          if (out.includes("'\n")) resolve(out);
        });
      });
      const reattach = /TF_REATTACH_PROVIDERS='(.*)'/.exec(banner)?.[1] ?? '';
      tf = await TerraformWorkspace.create({
        files: {
          'main.tf': `terraform {\n  required_providers {\n    example = { source = "hikube/example" }\n  }\n}\nprovider "example" {\n  store_dir = "${store.path}"\n}\ndata "example_info" "i" {\n  name = "debug"\n}\noutput "greeting" {\n  value = data.example_info.i.greeting\n}\n`,
        },
        env: { TF_REATTACH_PROVIDERS: reattach },
        logLevel: 'OFF',
      });
      for (let run = 0; run < 2; run++) {
        await tf.apply();
        expect((await tf.output())['greeting']?.value).toBe('hello debug');
      }
      expect(child.exitCode).toBeNull();
    } finally {
      await tf?.dispose();
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
  });
});
