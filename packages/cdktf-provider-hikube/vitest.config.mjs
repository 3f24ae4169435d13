import { defineConfig } from 'vitest/config';

// One file at a time: jsii, pacmak and the language checks each take a core of a shared machine.
export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
