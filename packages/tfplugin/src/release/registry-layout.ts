// What a provider registry serves for one release, written to a directory: per-platform zips,
// SHA256SUMS, the manifest naming the protocol, a network mirror (index.json, <version>.json)
// and a filesystem mirror in the packed layout. `terraform init` installs from either mirror.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageHashV1, sha256Of, zipHash } from './provider-hashes.js';
import { executableSuffixOf, terraformPlatformOf, type ReleaseTarget } from './release-targets.js';
import { writeZip } from './zip-archive.js';

export interface ProviderIdentity {
  /** e.g. registry.terraform.io */
  readonly hostname: string;
  readonly namespace: string;
  /** The provider type: `hikube` for terraform-provider-hikube. */
  readonly type: string;
  /** Semantic version without a leading v. */
  readonly version: string;
  /** Plugin protocol versions the executable speaks, e.g. ["6.0"]. */
  readonly protocolVersions: readonly string[];
}

export interface BuiltExecutable {
  readonly target: ReleaseTarget;
  readonly bytes: Buffer;
}

export interface PublishedArchive {
  readonly platform: string;
  readonly fileName: string;
  readonly path: string;
  readonly h1: string;
  readonly zh: string;
}

export interface ReleaseLayout {
  readonly dir: string;
  readonly archives: readonly PublishedArchive[];
  readonly sha256SumsPath: string;
  readonly manifestPath: string;
  /** Root of the network mirror: serve it at a URL and put that URL in `network_mirror`. */
  readonly networkMirrorDir: string;
  /** Root of the filesystem mirror: put it in `filesystem_mirror { path = ... }`. */
  readonly filesystemMirrorDir: string;
}

/** `terraform-provider-<type>_<version>` */
function baseName(provider: ProviderIdentity): string {
  return `terraform-provider-${provider.type}_${provider.version}`;
}

/** Writes the release of `executables` under `dir` and returns where everything is. */
export async function writeReleaseLayout(dir: string, provider: ProviderIdentity, executables: readonly BuiltExecutable[]): Promise<ReleaseLayout> {
  const archivesDir = join(dir, 'archives');
  const providerPath = [provider.hostname, provider.namespace, provider.type];
  const networkMirrorDir = join(dir, 'network-mirror');
  const filesystemMirrorDir = join(dir, 'filesystem-mirror');
  const networkDir = join(networkMirrorDir, ...providerPath);
  const filesystemDir = join(filesystemMirrorDir, ...providerPath);
  await Promise.all([archivesDir, networkDir, filesystemDir].map((d) => mkdir(d, { recursive: true })));

  const archives: PublishedArchive[] = [];
  const sums: string[] = [];
  for (const { target, bytes } of executables) {
    const platform = terraformPlatformOf(target);
    // The executable inside carries the version, as registries ship it: terraform-provider-x_v1.2.3
    const entryName = `terraform-provider-${provider.type}_v${provider.version}${executableSuffixOf(target)}`;
    const zip = writeZip([{ name: entryName, data: bytes, mode: 0o755 }]);
    const fileName = `${baseName(provider)}_${platform}.zip`;
    const path = join(archivesDir, fileName);
    await writeFile(path, zip);
    await writeFile(join(networkDir, fileName), zip);
    await writeFile(join(filesystemDir, fileName), zip);
    archives.push({ platform, fileName, path, h1: packageHashV1([{ name: entryName, data: bytes }]), zh: zipHash(zip) });
    sums.push(`${sha256Of(zip)}  ${fileName}`);
  }

  const manifestName = `${baseName(provider)}_manifest.json`;
  const manifest = Buffer.from(`${JSON.stringify({ version: 1, metadata: { protocol_versions: provider.protocolVersions } }, null, 2)}\n`);
  const manifestPath = join(archivesDir, manifestName);
  await writeFile(manifestPath, manifest);
  sums.push(`${sha256Of(manifest)}  ${manifestName}`);
  const sha256SumsPath = join(archivesDir, `${baseName(provider)}_SHA256SUMS`);
  await writeFile(sha256SumsPath, `${sums.sort((a, b) => a.slice(66).localeCompare(b.slice(66))).join('\n')}\n`);

  // The network mirror protocol: index.json lists versions, <version>.json the archives (URLs
  // relative to that file) with the hashes Terraform checks the download against.
  await writeFile(join(networkDir, 'index.json'), `${JSON.stringify({ versions: { [provider.version]: {} } }, null, 2)}\n`);
  const versionDoc = { archives: Object.fromEntries(archives.map((a) => [a.platform, { url: a.fileName, hashes: [a.h1, a.zh] }])) };
  await writeFile(join(networkDir, `${provider.version}.json`), `${JSON.stringify(versionDoc, null, 2)}\n`);

  return { dir, archives, sha256SumsPath, manifestPath, networkMirrorDir, filesystemMirrorDir };
}
