import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The packed packages installed with npm into scratch projects: packing and one npm install per ESLint major
  // happen in hooks (minutes on a cold cache), each lint is a process.
  test: { name: 'pack', include: ['tests/pack/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 900_000 },
});
