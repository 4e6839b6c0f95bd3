import { defineConfig } from 'vitest/config'

process.env.TZ = 'UTC'

/**
 * Screens only: no caller speaks, nothing is timed against a real-time call. They run two at a
 * time, before the voice files.
 */
const SCREEN_FILES = [
  'built-csp',
  'catalog',
  'dark-mode',
  'i18n',
  'monitor',
  'reports',
  'reports-alerts',
  'reports-charts-i18n',
  'reports-latency',
  'screen-matrix',
  'sessions',
  'settings',
  'team-settings',
  'unfinalized-calls'
].map((name) => `test/e2e/${name}.e2e.ts`)

// End-to-end tests: real Chromium (playwright-core) against the browser harness.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // These tests play real-time speech through real WebRTC on shared machines: in CI a test
    // that failed runs once more (a test that fails twice fails the run). GPT-Live's barge-in
    // reads three clocks that drift apart under load (docs/live-call.md, "Barge-in timing").
    retry: process.env['CI'] ? 1 : 0,
    projects: [
      {
        extends: true,
        test: {
          name: 'screens',
          include: SCREEN_FILES,
          maxWorkers: 2,
          sequence: { groupOrder: 0 }
        }
      },
      {
        extends: true,
        test: {
          // Calls in real time: one file at a time, so latency checks have the machine to
          // themselves (the screens have finished by then).
          name: 'voice',
          include: ['test/e2e/**/*.e2e.ts'],
          exclude: SCREEN_FILES,
          fileParallelism: false,
          sequence: { groupOrder: 1 }
        }
      }
    ]
  }
})
