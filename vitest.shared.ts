import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

// Every test file gets its own TMPDIR and fails if it leaves a process, a listening port or a
// temp entry behind (packages/suite-tools/README.md).
const leakGuard = fileURLToPath(new URL('./packages/suite-tools/src/leak-guard/leak-guard-setup.ts', import.meta.url));

/**
 * The test settings every package shares. Slow suites (real PostgreSQL, terraform, kubectl) are
 * named *.e2e.test.ts; `test:fast` (HIKUBE_FAST=1) skips them.
 */
export function packageTestConfig(options: { testTimeout?: number } = {}): ViteUserConfig {
  const ignored = ['**/node_modules/**'];
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts'],
      exclude: process.env['HIKUBE_FAST'] === '1' ? ['**/*.e2e.test.ts', ...ignored] : ignored,
      setupFiles: [leakGuard],
      testTimeout: options.testTimeout ?? 60_000,
      hookTimeout: 120_000,
    },
  });
}
