import { defineConfig } from 'vitest/config';

// The rule suites' cases and the JS/TS fixture projects under oxlint as well as ESLint (the `oxlint` npm package,
// a devDependency of the repository root), with the built plugin: the same findings from both (docs/oxlint.md).
export default defineConfig({
  test: {
    name: 'eslint-plugin (oxlint)',
    include: ['tests/rules/**/*.test.ts', 'tests/oxlint/**/*.test.ts'],
    env: { WECHAT_OA_ENGINE: 'oxlint' },
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
