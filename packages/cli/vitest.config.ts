import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the built CLI as processes, several per test; on a loaded two-core machine one run can take seconds.
  test: { name: 'cli', include: ['tests/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 },
});
