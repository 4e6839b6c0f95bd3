import { defineConfig } from 'vitest/config'

process.env.TZ = 'UTC'

// End-to-end tests: real Chromium (playwright-core) against the browser harness.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // These tests play real-time speech through real WebRTC on shared machines: in CI a test
    // that failed runs once more (a test that fails twice fails the run). Known timing-sensitive
    // case: GPT-Live's barge-in when the page's VAD hears the caller after the service's
    // (docs/live-call.md, "On GPT-Live").
    retry: process.env['CI'] ? 1 : 0
  }
})
