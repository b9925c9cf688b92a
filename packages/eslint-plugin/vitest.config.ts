import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'eslint-plugin',
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
