import { defineConfig } from 'vitest/config';

/**
 * Three suites: unit (pure logic, no I/O), integration (HTTP in-process against a real
 * database: PGlite, or PostgreSQL when LINKWELL_TEST_BACKEND=postgres) and e2e (a real
 * server driven by Debian's Chromium).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          // Migrates one database per run for the test files to copy (src/testing/database.ts).
          globalSetup: ['src/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
