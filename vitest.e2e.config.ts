import { defineConfig } from 'vitest/config'

process.env.TZ = 'UTC'

// End-to-end tests: real Chromium (playwright-core) against the browser harness.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
