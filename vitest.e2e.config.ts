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
    // that failed runs once more (a test that fails twice fails the run). GPT-Live's barge-in
    // reads three clocks that drift apart under load (docs/live-call.md, "Barge-in timing").
    retry: process.env['CI'] ? 1 : 0
  }
})
