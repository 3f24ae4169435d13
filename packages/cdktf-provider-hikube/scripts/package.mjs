// Produces each binding set's packages with jsii-pacmak: the npm tarball (built: npm is here),
// and Python, Java, C# and Go as source (--code-only): the registries and toolchains a full build
// needs (PyPI, Maven Central, NuGet, the Go module proxy, dotnet) are not reachable here. Go code
// is then laid out by gofmt, as Go publishers do; pacmak's own Go output is not gofmt-clean.
// usage: node scripts/package.mjs [--outdir DIR]   (default: each set's dist/; DIR/<set> otherwise)
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { BINDING_SETS, PACKAGE_ROOT } from './binding-sets.mjs';
import { jsiiEnvironment, runCommand } from './run-command.mjs';

const LANGUAGES = ['python', 'java', 'dotnet', 'go'];
const require = createRequire(join(PACKAGE_ROOT, 'package.json'));
const PACMAK = require.resolve('jsii-pacmak/bin/jsii-pacmak');

const { values } = parseArgs({ options: { outdir: { type: 'string' } } });

async function gofmtWrite(dir) {
  try {
    await runCommand('gofmt', ['-w', dir]);
  } catch (error) {
    if (error.code === 'ENOENT') {
      throw new Error('gofmt is not on PATH: install Go (Debian: `apt-get install golang-go`) to lay out the generated Go code');
    }
    throw error;
  }
}

for (const set of BINDING_SETS) {
  const outdir = values.outdir ? resolve(values.outdir, set.name) : join(set.root, 'dist');
  const targets = LANGUAGES.flatMap((language) => ['--target', language]);
  try {
    const common = ['--no-npmignore', '--no-fingerprint', '--outdir', outdir];
    await runCommand(process.execPath, [PACMAK, ...common, '--target', 'js'], { cwd: set.root, env: jsiiEnvironment() });
    await runCommand(process.execPath, [PACMAK, ...common, '--code-only', ...targets], { cwd: set.root, env: jsiiEnvironment() });
    await gofmtWrite(join(outdir, 'go'));
  } catch (error) {
    console.error(`${set.name}: ${error.message}`);
    process.exit(1);
  }
  console.log(`${set.name}: npm tarball and ${LANGUAGES.join(', ')} packages (source) in ${outdir}`);
}
