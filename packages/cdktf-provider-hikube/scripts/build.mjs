// Compiles each binding set with jsii into lib/ and its assembly (.jsii).
// usage: node scripts/build.mjs
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { BINDING_SETS, PACKAGE_ROOT } from './binding-sets.mjs';
import { jsiiEnvironment, runCommand } from './run-command.mjs';

const require = createRequire(join(PACKAGE_ROOT, 'package.json'));
const JSII = require.resolve('jsii/bin/jsii');

// jsii warns about attribute names that are keywords in some target language; the generated
// bindings already escape them, so this one warning is noise.
const SILENCED = 'reserved-word';

for (const set of BINDING_SETS) {
  try {
    const { stdout, stderr } = await runCommand(process.execPath, [JSII, `--silence-warnings=${SILENCED}`], { cwd: set.root, env: jsiiEnvironment() });
    const output = `${stdout}${stderr}`.trim();
    console.log(`${set.name}: ${output}`);
  } catch (error) {
    console.error(`${set.name}: ${error.message}`);
    process.exit(1);
  }
}
