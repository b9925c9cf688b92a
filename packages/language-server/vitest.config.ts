import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'language-server',
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Every file spawns servers with a worker thread each: on a 2-core machine, one file at a time keeps the
    // time budgets and waits meaningful.
    fileParallelism: false,
  },
});
