import { defineConfig } from 'vitest/config';

// Slow suites (real terraform, Hikube Local, real PostgreSQL) are named *.e2e.test.ts; `test:fast` skips them.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: process.env['HIKUBE_FAST'] === '1' ? ['**/*.e2e.test.ts', '**/node_modules/**'] : ['**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
