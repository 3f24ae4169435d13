// The two binding sets this package ships: one per CDK core library. Constructs generated for
// cdktf 0.21 fail inside a cdktn 0.24 stack (cdktn calls element methods cdktf's base classes
// lack), so each core gets bindings from its own generator; see README "Compatibility".
// CDK Terrain (cdktn) is maintained and CDKTF is archived, so the cdktn set is the primary one:
// its generated src/ is committed and guarded by the staleness test; the cdktf set's src/ is
// generated from the same schema by the build and never committed.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {object} BindingSet
 * @property {'cdktf' | 'cdktn'} name   the core library the constructs extend
 * @property {string} root              directory of the jsii project (its package.json)
 * @property {string} generator         npm package whose generator writes the TypeScript
 * @property {boolean} ephemeralResources whether that generator writes ephemeral resources (cdktf 0.21's does not)
 * @property {boolean} committed        whether its src/ is in git (else the build generates it)
 */

/** @type {readonly BindingSet[]} */
export const BINDING_SETS = Object.freeze([
  { name: 'cdktn', root: join(PACKAGE_ROOT, 'cdktn'), generator: '@cdktn/provider-generator', ephemeralResources: true, committed: true },
  { name: 'cdktf', root: PACKAGE_ROOT, generator: '@cdktf/provider-generator', ephemeralResources: false, committed: false },
]);

/** Where a set's generated TypeScript lives (the jsii `rootDir`). */
export function sourceDir(set) {
  return join(set.root, 'src');
}
