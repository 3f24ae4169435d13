import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One file at a time: jsii, pacmak and the language checks each take a core of a shared machine.
// The jsii build and packaging suite is slow, so it is named *.e2e.test.mjs; `test:fast` skips it.
// Like every package, each file runs under the leak guard (packages/suite-tools/README.md).
export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    exclude: process.env['HIKUBE_FAST'] === '1' ? ['**/*.e2e.test.mjs', '**/node_modules/**'] : ['**/node_modules/**'],
    setupFiles: [fileURLToPath(new URL('../suite-tools/src/leak-guard/leak-guard-setup.ts', import.meta.url))],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
