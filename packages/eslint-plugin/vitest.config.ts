import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'eslint-plugin',
    include: ['tests/**/*.test.ts'],
    // Both engines side by side run in their own project (vitest.oxlint.config.ts).
    exclude: ['tests/oxlint/**', '**/node_modules/**'],
    testTimeout: 30_000,
  },
});
