import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CommandTimeoutError, ExecutableNotFoundError, TerraformCommandError, TestkitInputError } from '../errors.js';
import { createTempDir, type TempDir } from '../temp-dir.js';
import { terraformPlatform } from './platform.js';
import { findResourceChange, findStateResource, isUnknownAfter } from './terraform-json.js';
import { TerraformWorkspace } from './terraform-workspace.js';
import type { TerraformWorkspaceOptions } from './terraform-workspace-types.js';

// Only Terraform's built-in provider: no plugin, no network.
const BUILTINS_TF = `
variable "greeting" {
  type = string
}

resource "terraform_data" "first" {
  input = var.greeting
}

resource "terraform_data" "second" {
  input = terraform_data.first.id
}

output "greeting" {
  value = terraform_data.first.output
}
`;

describe('TerraformWorkspace with built-in resources', () => {
  let tf: TerraformWorkspace;
  beforeAll(async () => {
    tf = await TerraformWorkspace.create({ files: { 'main.tf': BUILTINS_TF } });
  });
  afterAll(async () => {
    await tf.dispose();
  });

  it('runs init, validate, plan, apply, output, state, refresh and destroy', async () => {
    const init = await tf.init();
    expect(init.ok).toBe(true);
    expect(init.logFile).toBeDefined();
    expect((await stat(init.logFile ?? '')).size).toBeGreaterThan(0);

    const validate = await tf.validate();
    expect(validate.validation).toMatchObject({ valid: true, error_count: 0 });

    const plan = await tf.plan({ out: true, vars: { greeting: 'hello' } });
    expect(plan.changes).toBe(true);
    const second = findResourceChange(plan.plan ?? fail('no plan'), 'terraform_data.second');
    expect(second.change.actions).toEqual(['create']);
    expect(isUnknownAfter(second.change, ['input'])).toBe(true);
    expect(isUnknownAfter(findResourceChange(plan.plan ?? fail('no plan'), 'terraform_data.first').change, ['input'])).toBe(false);

    await tf.apply({ planFile: plan.planFile ?? fail('no plan file') });
    expect(await tf.output()).toEqual({ greeting: { sensitive: false, type: 'string', value: 'hello' } });
    const state = await tf.state();
    expect(findStateResource(state.values, 'terraform_data.first').values['output']).toBe('hello');

    const again = await tf.plan({ vars: { greeting: 'hello' } });
    expect(again.changes).toBe(false);
    expect((await tf.refresh({ vars: { greeting: 'hello' } })).ok).toBe(true);

    await tf.destroy({ vars: { greeting: 'hello' } });
    expect((await tf.state()).values).toBeUndefined();
  });

  it('returns a failed command as a result with check: false and throws otherwise', async () => {
    await tf.writeFiles({ 'broken.tf': 'resource "terraform_data" "x" { nonsense = 1 }\n' });
    try {
      const invalid = await tf.validate({ check: false });
      expect(invalid.ok).toBe(false);
      expect(invalid.validation.valid).toBe(false);
      expect(invalid.validation.diagnostics.map((d) => d.summary).join('\n')).toContain('Unsupported argument');
      const failure = await tf.plan({ vars: { greeting: 'x' } }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TerraformCommandError);
      expect((failure as TerraformCommandError).code).toBe('HIKUBE_TERRAFORM_FAILED');
      expect((failure as TerraformCommandError).message).toContain('Unsupported argument');
    } finally {
      await tf.removeFile('broken.tf');
    }
  });
});

describe('TerraformWorkspace import blocks', () => {
  it('plans an import with -generate-config-out, applies it and then plans nothing', async () => {
    const tf = await TerraformWorkspace.create({});
    try {
      await tf.writeImports([{ to: 'terraform_data.imported', id: 'existing-id' }]);
      await tf.init();
      const plan = await tf.plan({ out: true, generateConfigOut: 'generated.tf' });
      expect(plan.generatedConfig).toContain('resource "terraform_data" "imported"');
      const change = findResourceChange(plan.plan ?? fail('no plan'), 'terraform_data.imported');
      expect(change.change.importing).toEqual({ id: 'existing-id' });
      await tf.apply({ planFile: plan.planFile ?? fail('no plan file') });
      expect(findStateResource((await tf.state()).values, 'terraform_data.imported').values['id']).toBe('existing-id');
      expect((await tf.plan()).changes).toBe(false);
    } finally {
      await tf.dispose();
    }
  });
});

function fail(message: string): never {
  throw new Error(message);
}

describe('TerraformWorkspace provider wiring', () => {
  let scratch: TempDir;
  let fakeProvider: string;
  beforeAll(async () => {
    scratch = await createTempDir('fake-provider');
    fakeProvider = join(scratch.path, 'launcher.sh');
    // Not a real plugin: it records that Terraform launched it, then fails the handshake.
    await writeFile(fakeProvider, '#!/bin/sh\necho "launched $0" >> "$HIKUBE_FAKE_MARKER"\nexit 1\n');
    await chmod(fakeProvider, 0o755);
  });
  afterAll(async () => {
    await scratch.remove();
  });

  const requiring = (source: string, version?: string): string => `
terraform {
  required_providers {
    fake = {
      source = "${source}"${version === undefined ? '' : `\n      version = "${version}"`}
    }
  }
}
`;

  it('installs from the filesystem mirror offline and writes the lock file', async () => {
    const tf = await TerraformWorkspace.create({
      files: { 'main.tf': requiring('hikube/fake', '0.3.1') },
      providers: [{ source: 'hikube/fake', executable: fakeProvider, install: 'filesystem-mirror', version: '0.3.1' }],
    });
    try {
      expect(await tf.cliConfig()).toContain(`path    = "${tf.mirrorDir}"`);
      const init = await tf.init();
      expect(init.stdout).toContain('Installed hikube/fake v0.3.1');
      const lock = await tf.lockFile();
      expect(lock).toContain('provider "registry.terraform.io/hikube/fake"');
      expect(lock).toMatch(/version\s+= "0\.3\.1"/);
      expect(lock).toMatch(/"h1:[A-Za-z0-9+/=]+"/);
      const providers = await tf.providers();
      expect(providers.stdout).toContain('provider[registry.terraform.io/hikube/fake] 0.3.1');
      const installed = join(tf.dir, '.terraform/providers/registry.terraform.io/hikube/fake/0.3.1', terraformPlatform(), 'terraform-provider-fake_v0.3.1');
      expect(await readFile(installed, 'utf8')).toBe(await readFile(fakeProvider, 'utf8'));
    } finally {
      await tf.dispose();
    }
  });

  it('fails init clearly for a version the mirror does not hold, without the network', async () => {
    const tf = await TerraformWorkspace.create({
      files: { 'main.tf': requiring('hikube/fake', '9.9.9') },
      providers: [{ source: 'hikube/fake', executable: fakeProvider, install: 'filesystem-mirror', version: '0.3.1' }],
    });
    try {
      const init = await tf.init({ check: false });
      expect(init.ok).toBe(false);
      expect(init.stderr).toContain('no available releases match the given constraints 9.9.9');
    } finally {
      await tf.dispose();
    }
  });

  it('launches the dev_overrides executable without init', async () => {
    const marker = join(scratch.path, 'dev-marker.txt');
    const tf = await TerraformWorkspace.create({
      files: { 'main.tf': requiring('hikube/fake') },
      providers: [{ source: 'hikube/fake', executable: fakeProvider, install: 'dev-overrides' }],
      env: { HIKUBE_FAKE_MARKER: marker },
    });
    try {
      const validate = await tf.validate({ check: false });
      expect(validate.ok).toBe(false);
      const launchedFrom = join(tf.devOverridesDir, 'registry.terraform.io/hikube/fake/terraform-provider-fake');
      expect(await readFile(marker, 'utf8')).toContain(`launched ${launchedFrom}`);
      expect(validate.stdout).toContain('Provider development overrides are in effect');
    } finally {
      await tf.dispose();
    }
  });
});

describe('TerraformWorkspace command timeout', () => {
  it('stops Terraform and the provider it started, then says which command timed out', async () => {
    const scratch = await createTempDir('hanging-provider');
    const pidFile = join(scratch.path, 'provider.pid');
    const hanging = join(scratch.path, 'launcher.sh');
    // Never prints a handshake; `exec sleep` keeps the PID Terraform started.
    await writeFile(hanging, `#!/bin/sh\necho $$ > "${pidFile}"\nexec sleep 60\n`);
    await chmod(hanging, 0o755);
    const tf = await TerraformWorkspace.create({
      files: { 'main.tf': 'terraform {\n  required_providers {\n    hang = { source = "hikube/hang" }\n  }\n}\n' },
      providers: [{ source: 'hikube/hang', executable: hanging, install: 'dev-overrides' }],
      timeoutMs: 4_000,
    });
    try {
      const error = await tf.validate().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CommandTimeoutError);
      expect((error as CommandTimeoutError).message).toContain('terraform validate -json -no-color did not finish within 4000 ms');
      const providerPid = Number(await readFile(pidFile, 'utf8'));
      expect(await waitUntilGone(providerPid)).toBe(true);
    } finally {
      await tf.dispose();
      await scratch.remove();
    }
  });
});

async function waitUntilGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i += 1) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    if (stat === undefined || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe('TerraformWorkspace.create input errors', () => {
  it('names a missing terraform before creating anything', async () => {
    const error = await TerraformWorkspace.create({ terraform: '/nonexistent/terraform' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExecutableNotFoundError);
    expect((error as ExecutableNotFoundError).message).toContain('install it on PATH');
  });

  it.each<{ name: string; given: TerraformWorkspaceOptions; field: string }>([
    {
      name: 'relative executable',
      given: { providers: [{ source: 'a/b', executable: 'launcher.sh', install: 'dev-overrides' }] },
      field: 'providers[0].executable',
    },
    {
      name: 'missing executable',
      given: { providers: [{ source: 'a/b', executable: '/nonexistent/x', install: 'dev-overrides' }] },
      field: 'providers[0].executable',
    },
    {
      name: 'mirror without version',
      given: { providers: [{ source: 'a/b', executable: '/bin/sh', install: 'filesystem-mirror' }] },
      field: 'providers[0].version',
    },
    {
      name: 'bad version',
      given: { providers: [{ source: 'a/b', executable: '/bin/sh', install: 'filesystem-mirror', version: 'v1' }] },
      field: 'providers[0].version',
    },
    { name: 'bad source', given: { providers: [{ source: 'b', executable: '/bin/sh', install: 'dev-overrides' }] }, field: 'providers[0].source' },
    {
      name: 'duplicate source',
      given: {
        providers: [
          { source: 'a/b', executable: '/bin/sh', install: 'dev-overrides' },
          { source: 'registry.terraform.io/a/b', executable: '/bin/sh', install: 'dev-overrides' },
        ],
      },
      field: 'providers[1].source',
    },
    { name: 'file outside the directory', given: { files: { '../escape.tf': '' } }, field: 'files' },
    { name: 'file escaping through a subdirectory', given: { files: { 'a/../../escape.tf': '' } }, field: 'files' },
    { name: 'bad log level', given: { logLevel: 'LOUD' as 'OFF' }, field: 'logLevel' },
  ])('rejects $name', async ({ given, field }) => {
    const error = await TerraformWorkspace.create(given).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestkitInputError);
    expect((error as TestkitInputError).field).toBe(field);
  });
});
