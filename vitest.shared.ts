import { defineConfig, type ViteUserConfig } from 'vitest/config';

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
      testTimeout: options.testTimeout ?? 60_000,
      hookTimeout: 120_000,
    },
  });
}
