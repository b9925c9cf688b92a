import { defineConfig } from 'vitest/config';

// The rule suites again, through ESLint 9's own RuleTester (the `eslint9` alias): @typescript-eslint/rule-tester
// binds whichever `eslint` it resolves, which is 10 (SPEC §4).
export default defineConfig({
  test: {
    name: 'eslint-plugin (ESLint 9)',
    include: ['tests/rules/**/*.test.ts'],
    env: { WECHAT_OA_ESLINT: '9' },
    testTimeout: 30_000,
  },
});
