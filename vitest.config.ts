import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/helpers/build-cli.ts', 'test/helpers/run-tmp.ts'],
    reporters: ['default', './test/helpers/unfinished-tests-reporter.ts'],
  },
});
