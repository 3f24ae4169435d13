// The release as a registry would serve it, installed by the real terraform: from a filesystem
// mirror and from a network mirror over HTTPS, with lock-file hashes that match the archives,
// then plan and apply against Hikube Local with no Node.js on PATH and no dev_overrides.
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { homedir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalPki, startHikubeLocal, type HikubeLocal } from '@hikube/local';
import { createTempDir, TerraformWorkspace, type TempDir } from '@hikube/testkit';
import { hostTarget, terraformPlatformOf, type ReleaseTarget } from '@hikube/tfplugin/release';
import { packageRoot } from '../build/build-executable.js';
import { buildRelease, type ReleaseReport } from './build-release.js';
import { hikubeProvider } from './provider-identity.js';

const terraformPath = await findOnPath('terraform');
const host = hostTarget() as ReleaseTarget;
const platform = terraformPlatformOf(host);

let dir: TempDir;
let local: HikubeLocal;
let release: ReleaseReport;
let binDir: string;
let mirror: { server: Server; url: string; caFile: string; tamper: boolean };
const workspaces: TerraformWorkspace[] = [];

async function findOnPath(name: string): Promise<string> {
  for (const entry of (process.env['PATH'] ?? '').split(':')) {
    const candidate = join(entry, name);
    if (
      await stat(candidate).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return candidate;
  }
  throw new Error(`${name} is not on PATH`);
}

function configuration(name: string): string {
  return `terraform {
  required_providers {
    hikube = {
      source  = "hikube/hikube"
      version = "0.1.0"
    }
  }
}

provider "hikube" {
  kubeconfig_path = ${JSON.stringify(local.kubeconfigPath)}
}

resource "hikube_postgres_cluster" "db" {
  name = ${JSON.stringify(name)}
}
`;
}

/** A workspace whose terraform sees only the given CLI configuration and a PATH without Node.js. */
async function workspace(name: string, cliConfig: string, env: Record<string, string> = {}): Promise<TerraformWorkspace> {
  const configFile = join(dir.path, `${name}.tfrc`);
  await writeFile(configFile, cliConfig);
  const tf = await TerraformWorkspace.create({
    files: { 'main.tf': configuration(name) },
    terraform: terraformPath,
    env: { TF_CLI_CONFIG_FILE: configFile, PATH: binDir, ...env },
    timeoutMs: 180_000,
  });
  workspaces.push(tf);
  return tf;
}

/** One changed byte, in the deflated executable: what a corrupted or swapped download looks like. */
function flipMiddleByte(bytes: Buffer): void {
  const at = bytes.length >> 1;
  bytes.writeUInt8((bytes.readUInt8(at) ^ 0xff) & 0xff, at);
}

function lockedHashes(lock: string): string[] {
  return [...lock.matchAll(/"((?:h1|zh):[^"]+)"/g)].map((m) => m[1] as string).sort();
}

beforeAll(async () => {
  dir = await createTempDir('rel');
  binDir = join(dir.path, 'bin');
  await mkdir(binDir);
  // The only program on terraform's PATH: the provider must start without Node.js.
  await symlink(terraformPath, join(binDir, 'terraform'));
  local = await startHikubeLocal({ dataDir: join(dir.path, 'l'), port: 0, driver: 'deterministic' });
  release = await buildRelease({
    outDir: join(dir.path, 'release'),
    targets: [host],
    cacheDir: process.env['HIKUBE_RELEASE_CACHE'] ?? join(homedir(), '.cache', 'hikube-release'),
    provider: await hikubeProvider(),
    entry: join(packageRoot, 'src', 'main.ts'),
  });
  const pki = createLocalPki(1);
  const caFile = join(dir.path, 'mirror-ca.pem');
  await writeFile(caFile, pki.ca.certPem);
  const root = release.layout.networkMirrorDir;
  const server = createServer({ cert: pki.server.certPem, key: pki.server.keyPem }, (req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname)));
    if (!path.startsWith(root)) return void res.writeHead(404).end();
    stat(path).then(
      async (s) => {
        if (!s.isFile()) return void res.writeHead(404).end();
        if (mirror.tamper && path.endsWith('.zip')) {
          const bytes = await readFile(path);
          flipMiddleByte(bytes);
          return void res.writeHead(200, { 'content-type': 'application/zip' }).end(bytes);
        }
        res.writeHead(200, { 'content-type': path.endsWith('.json') ? 'application/json' : 'application/zip' });
        createReadStream(path).pipe(res);
      },
      () => void res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  mirror = { server, url: `https://127.0.0.1:${port}/`, caFile, tamper: false };
}, 600_000);

afterAll(async () => {
  for (const tf of workspaces) await tf.dispose();
  await new Promise<void>((resolve) => (mirror ? mirror.server.close(() => resolve()) : resolve()));
  await local?.stop();
  await dir?.remove();
});

describe('the release directory', () => {
  it('holds the zip, SHA256SUMS naming it and the manifest, and protocol 6.0', async () => {
    const [archive] = release.layout.archives;
    expect(release.outcomes).toEqual([expect.objectContaining({ platform, built: true })]);
    expect(archive?.fileName).toBe(`terraform-provider-hikube_0.1.0_${platform}.zip`);
    const sums = await readFile(release.layout.sha256SumsPath, 'utf8');
    expect(sums).toContain(`${archive?.zh.slice(3)}  ${archive?.fileName}\n`);
    expect(sums).toMatch(/^[0-9a-f]{64} {2}terraform-provider-hikube_0\.1\.0_manifest\.json$/m);
    expect(JSON.parse(await readFile(release.layout.manifestPath, 'utf8'))).toEqual({ version: 1, metadata: { protocol_versions: ['6.0'] } });
  });
});

describe('terraform init from a filesystem mirror', () => {
  it('installs the executable, locks its hashes, and plans, applies and destroys without Node.js', async () => {
    // The CLI configuration the root README shows, with its placeholder path made real.
    const shown = await readFile(fileURLToPath(new URL('./filesystem-mirror.tfrc', import.meta.url)), 'utf8');
    const tf = await workspace('fsmirror', shown.replace(/"\/path\/to\/[^"]*"/, JSON.stringify(release.layout.filesystemMirrorDir)));
    await tf.init();
    const [archive] = release.layout.archives;
    // Terraform computes h1 itself from the files it unpacked; zh comes from the archive.
    expect(lockedHashes((await tf.lockFile()) ?? '')).toContain(archive?.h1);
    const providers = await tf.providers();
    expect(providers.stdout).toContain('provider[registry.terraform.io/hikube/hikube] 0.1.0');
    await tf.apply();
    expect((await tf.stateFile()) ?? '').toContain('"fsmirror"');
    await tf.destroy();
  });

  it('refuses an archive that no longer matches the lock file', async () => {
    const tf = await workspace(
      'tampered',
      `provider_installation {\n  filesystem_mirror {\n    path    = ` +
        `${JSON.stringify(release.layout.filesystemMirrorDir)}\n    include = ` +
        `["registry.terraform.io/hikube/hikube"]\n  }\n}\n`,
    );
    await tf.init();
    const lock = (await tf.lockFile()) ?? '';
    // A second copy of the mirror whose zip has one byte changed, and the lock from the first.
    const tamperedRoot = join(dir.path, 'tampered-mirror');
    const archive = release.layout.archives[0];
    const zipDir = join(tamperedRoot, 'registry.terraform.io', 'hikube', 'hikube');
    await mkdir(zipDir, { recursive: true });
    const bytes = await readFile(archive?.path ?? '');
    flipMiddleByte(bytes);
    await writeFile(join(zipDir, archive?.fileName ?? ''), bytes);
    const second = await workspace(
      'tampered2',
      `provider_installation {\n  filesystem_mirror {\n    path    = ` +
        `${JSON.stringify(tamperedRoot)}\n    include = ` +
        `["registry.terraform.io/hikube/hikube"]\n  }\n}\n`,
    );
    await second.writeFiles({ '.terraform.lock.hcl': lock });
    const result = await second.init({ check: false });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr.replace(/\s+/g, ' ')).toMatch(/checksum|doesn't match any of the checksums|does not match/i);
  });
});

describe('terraform init from a network mirror over HTTPS', () => {
  const cli = (): string =>
    `provider_installation {\n  network_mirror {\n    url     = ${JSON.stringify(mirror.url)}\n    include = ["registry.terraform.io/hikube/hikube"]\n  }\n}\n`;

  it('downloads the zip, checks it against the mirror hashes, locks the same h1, and applies without Node.js', async () => {
    mirror.tamper = false;
    const tf = await workspace('netmirror', cli(), { SSL_CERT_FILE: mirror.caFile });
    await tf.init();
    const [archive] = release.layout.archives;
    // Terraform locks the h1 it computes from what it unpacked: equal to the one the mirror lists.
    expect(lockedHashes((await tf.lockFile()) ?? '')).toEqual([archive?.h1]);
    await tf.apply();
    expect((await tf.stateFile()) ?? '').toContain('"netmirror"');
    await tf.destroy();
  });

  it('refuses a download whose bytes do not match the hashes the mirror lists', async () => {
    mirror.tamper = true;
    try {
      const tf = await workspace('nettampered', cli(), { SSL_CERT_FILE: mirror.caFile });
      const result = await tf.init({ check: false });
      expect(result.exitCode).not.toBe(0);
      expect(result.stderr.replace(/\s+/g, ' ')).toMatch(/checksum|does not match|doesn't match/i);
    } finally {
      mirror.tamper = false;
    }
  });
});
