// Two projects: fast unit/integration tests in Node, and end-to-end tests that drive Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Not part of `npm test`: `npm run bench` prints speed figures at the scale the issues name.
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          environment: 'node',
          testTimeout: 900_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // expect.poll's own 1 s is shorter than a page's answer on a loaded CI machine (a portrait's index missed it
          // under two CPU burners); Playwright's waits in these tests allow 15 s.
          expect: { poll: { timeout: 10_000 } },
          setupFiles: ['test/e2e/harness/no-page-errors.ts'],
        },
      },
    ],
  },
});
