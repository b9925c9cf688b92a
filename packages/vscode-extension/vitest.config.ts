import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'vscode-extension',
    include: ['tests/**/*.test.ts'],
    // The end-to-end test starts code-server and Chromium: its steps set their own, longer bounds.
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
