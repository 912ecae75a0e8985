import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration and end-to-end tests start in-process stand-ins on ephemeral ports; two cores is the machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
