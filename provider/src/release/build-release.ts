// `npm run release`: terraform-provider-hikube as a registry would serve it. One single executable
// per platform (Node.js embedded, taken from npm), zipped, hashed and laid out as SHA256SUMS,
// manifest, network mirror and filesystem mirror. A platform that cannot be built correctly here
// is reported with the reason; the others are built.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleProvider } from '@hikube/tfplugin/build';
import {
  buildSingleExecutable,
  hostTarget,
  nodeRuntimeFor,
  NodeRuntimeUnavailable,
  runtimeVersion,
  terraformPlatformOf,
  unbuildableReason,
  writeReleaseLayout,
  type BuiltExecutable,
  type ProviderIdentity,
  type ReleaseLayout,
  type ReleaseTarget,
} from '@hikube/tfplugin/release';

export interface ReleaseOptions {
  readonly outDir: string;
  readonly targets: readonly ReleaseTarget[];
  /** Where the targets' Node.js executables are kept between builds. */
  readonly cacheDir: string;
  readonly provider: ProviderIdentity;
  /** The provider's main module (compiled JavaScript, or the TypeScript source in tests). */
  readonly entry: string;
}

export type TargetOutcome =
  | { readonly platform: string; readonly built: true; readonly bytes: number; readonly seconds: number }
  | { readonly platform: string; readonly built: false; readonly reason: string };

export interface ReleaseReport {
  readonly layout: ReleaseLayout;
  readonly outcomes: readonly TargetOutcome[];
}

export async function buildRelease(options: ReleaseOptions): Promise<ReleaseReport> {
  await rm(options.outDir, { recursive: true, force: true });
  const work = join(options.outDir, '.work');
  await mkdir(work, { recursive: true });
  // The bundle keeps today's start-up gain inside the executable: its loader caches V8's compiled
  // code between launches, whatever the platform (a SEA's own code cache works only where built).
  const bundleFile = join(work, 'provider.cjs');
  await bundleProvider({ entry: options.entry, outFile: bundleFile });
  const script = await readFile(bundleFile, 'utf8');

  const host = hostTarget();
  const executables: BuiltExecutable[] = [];
  const outcomes: TargetOutcome[] = [];
  for (const target of options.targets) {
    const platform = terraformPlatformOf(target);
    const reason = unbuildableReason(target);
    if (reason !== undefined) {
      outcomes.push({ platform, built: false, reason });
      continue;
    }
    const started = performance.now();
    let nodeExecutable: string;
    try {
      nodeExecutable = await nodeRuntimeFor(target, runtimeVersion(), options.cacheDir);
    } catch (err) {
      if (!(err instanceof NodeRuntimeUnavailable)) throw err;
      outcomes.push({ platform, built: false, reason: `no Node.js ${process.version} for this platform: ${err.message}` });
      continue;
    }
    const outFile = join(work, `terraform-provider-${options.provider.type}_${platform}`);
    const isHost = host !== undefined && terraformPlatformOf(host) === platform;
    const { bytes } = await buildSingleExecutable({ script, nodeExecutable, target, outFile, workDir: join(work, `sea-${platform}`), useCodeCache: isHost });
    executables.push({ target, bytes: await readFile(outFile) });
    outcomes.push({ platform, built: true, bytes, seconds: (performance.now() - started) / 1000 });
  }
  const layout = await writeReleaseLayout(options.outDir, options.provider, executables);
  await rm(work, { recursive: true, force: true });
  return { layout, outcomes };
}

/** The report as a table, one row per target. */
export function renderReport(report: ReleaseReport): string {
  const rows = report.outcomes.map((o) =>
    o.built ? `| ${o.platform} | built | ${(o.bytes / 2 ** 20).toFixed(1)} MiB in ${o.seconds.toFixed(1)} s |` : `| ${o.platform} | not built | ${o.reason} |`,
  );
  return [
    '| platform | result | detail |',
    '|---|---|---|',
    ...rows,
    '',
    `archives, SHA256SUMS and manifest: ${join(report.layout.dir, 'archives')}`,
    `network mirror root: ${report.layout.networkMirrorDir}`,
    `filesystem mirror root: ${report.layout.filesystemMirrorDir}`,
  ].join('\n');
}
