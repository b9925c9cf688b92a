import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the built CLI as processes, several per test; on a loaded two-core machine one run can take seconds.
  // tests/pack (the packed packages installed with npm) is its own project: vitest.pack.config.ts.
  test: {
    name: 'cli',
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'tests/pack/**'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
