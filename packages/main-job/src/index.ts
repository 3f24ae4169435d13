// Public entry of @hikube/main-job: what `npm start` runs (scripts/start.mjs), and the facts the
// examples' tests share with it (where the examples and the provider executable are, the CLI
// configuration it writes).
export { runCli } from './cli.js';
export { exampleDir, providerBinDir, publicExampleDir, repoRoot } from './repo-paths.js';
export { renderDevOverrides } from './terraform-workdir.js';
