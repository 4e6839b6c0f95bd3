import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

process.env.TZ = 'UTC'

const alias = { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') }
const project = (
  name: string,
  environment: string,
  include: string[],
  setupFiles: string[] = []
): {
  extends: true
  test: { name: string; environment: string; include: string[]; setupFiles: string[] }
} => ({
  extends: true as const,
  test: { name, environment, include, setupFiles }
})

export default defineConfig({
  resolve: { alias },
  test: {
    // Loaded 2-vCPU CI machines take seconds for a first jsdom render of MUI: timing is for benches.
    testTimeout: 20_000,
    // Vitest runs one file at a time on 2 vCPUs by default (CPUs − 1). Most of the slow files
    // wait rather than compute (a lease to lapse, a scratch PostgreSQL, a call in real time), so
    // two at once nearly halves the suite there; larger machines keep one per CPU.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Several files run real servers in real time (PostgreSQL stopped and restarted, leases that
    // lapse). In CI a test that failed runs once more, and its retry is printed; a test that
    // fails twice fails the run. Locally nothing is retried, so a flaky test shows at once.
    retry: process.env['CI'] ? 1 : 0,
    projects: [
      project('shared', 'node', ['src/shared/**/*.test.ts']),
      project('main', 'node', [
        'src/main/**/*.test.ts',
        'test/unit/**/*.test.ts',
        'tools/**/*.test.ts'
      ]),
      project(
        'renderer',
        'jsdom',
        ['src/renderer/**/*.test.{ts,tsx}'],
        ['src/renderer/src/test/setupI18n.ts']
      )
    ]
  }
})
