import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'language-server', include: ['tests/**/*.test.ts'], testTimeout: 60_000 },
});
