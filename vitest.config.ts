import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
          // A guard against hangs, not a speed limit: on a loaded 2-core machine a Preact page test can take over 5 s.
          testTimeout: 20_000,
          // Vitest's default leaves one core to its main process, which idles here: one worker on a 2-core machine.
          maxWorkers: Math.max(2, availableParallelism()),
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Real Chromium (dist/) and Firefox (dist-firefox/); run after `npm run build:all`.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file launches its own browsers on its own profiles, and they mostly wait (for alarms, due times,
          // pages): three files at a time more than halves the run without loading two cores much more.
          maxWorkers: 3,
          // After the unit tests, so CPU-bound unit files never slow the timing-sensitive browser tests.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
