import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Synthesising the whole app with cdk-nag takes a few seconds per test file.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
