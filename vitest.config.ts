import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each package has its own project file; the plugin has a second one that reruns the rule suites on ESLint 9.
    projects: ['packages/*/vitest*.config.ts'],
  },
});
