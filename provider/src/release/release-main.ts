// npm run release [-- linux_amd64 windows_amd64 ...]: builds the release into provider/release/.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseTarget, RELEASE_TARGETS, type ReleaseTarget } from '@hikube/tfplugin/release';
import { packageRoot } from '../build/build-executable.js';
import { buildRelease, renderReport } from './build-release.js';
import { hikubeProvider } from './provider-identity.js';

function targetsFrom(args: readonly string[]): ReleaseTarget[] {
  if (args.length === 0) return [...RELEASE_TARGETS];
  return args.map((arg) => {
    const target = parseTarget(arg);
    if (!target) throw new Error(`"${arg}" is not a release target; use one of ${RELEASE_TARGETS.map((t) => `${t.os}_${t.arch}`).join(', ')}`);
    return target;
  });
}

const provider = await hikubeProvider();
const report = await buildRelease({
  outDir: join(packageRoot, 'release', provider.version),
  targets: targetsFrom(process.argv.slice(2)),
  cacheDir: process.env['HIKUBE_RELEASE_CACHE'] ?? join(homedir(), '.cache', 'hikube-release'),
  provider,
  entry: join(packageRoot, 'dist', 'main.js'),
});
process.stdout.write(`${renderReport(report)}\n`);
