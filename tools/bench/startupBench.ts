import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { CatalogService, catalogIndexRoot } from '../../src/main/catalog/CatalogService'
import type { EmbeddingProvider } from '../../src/main/catalog/embeddings/EmbeddingProvider'
import { offlineEmbeddings } from '../../src/main/catalog/embeddings/offlineEmbeddings'
import { machineLine } from './machineLine'

// npm run bench:startup [-- --runs 3]: main's event loop while the catalog's first index is
// built, as at the app's first launch: the shipped catalog, the offline provider, no word-vector
// table on disk yet (its base vocabulary is distilled from the sentence model), then the first
// query's warm-up. Each run is a fresh process, so the model and TensorFlow.js load cold.
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, child: { type: 'string' } }
})
const RESOLUTION_MS = 10
const MODES = {
  'in-thread': (indexRoot: string) => offlineEmbeddings({ indexRoot })
} satisfies Record<string, (indexRoot: string) => EmbeddingProvider>
type Mode = keyof typeof MODES

interface RunFigures {
  maxMs: number
  p99Ms: number
  p50Ms: number
  /** Share of the build's wall time main's event loop was busy (event-loop utilization). */
  busy: number
  /** CPU time main's thread spent (contention on a shared machine stretches wall time, not this). */
  mainCpuMs: number
  buildMs: number
}

/** One cold build in this process; prints its figures as JSON. */
async function measure(mode: Mode): Promise<RunFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'voice-console-startup-bench-'))
  try {
    const embeddings = MODES[mode](catalogIndexRoot(dataDir))
    const catalog = new CatalogService({ shippedDir: resolve('resources'), dataDir, embeddings })
    const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
    const utilization = performance.eventLoopUtilization()
    const cpu = process.threadCpuUsage()
    const started = performance.now()
    delay.enable()
    await catalog.reindex()
    await catalog.warmUp()
    delay.disable()
    const buildMs = performance.now() - started
    const busy = performance.eventLoopUtilization(utilization).utilization
    const { user, system } = process.threadCpuUsage(cpu)
    catalog.close()
    const ms = (ns: number): number => ns / 1e6
    return {
      maxMs: ms(delay.max),
      p99Ms: ms(delay.percentile(99)),
      p50Ms: ms(delay.percentile(50)),
      busy,
      mainCpuMs: (user + system) / 1000,
      buildMs
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (values.child) {
  console.log(JSON.stringify(await measure(values.child as Mode)))
} else {
  const runs = Number(values.runs)
  console.log(machineLine())
  console.log(
    `Main's event-loop delay during a cold first index build of the shipped catalog + first query\n` +
      `(monitorEventLoopDelay, ${RESOLUTION_MS} ms resolution: an idle loop reads about ${RESOLUTION_MS} ms). ` +
      `${runs} runs per mode, each a fresh process.\n`
  )
  console.log('mode          run   max ms   p99 ms   p50 ms  main busy  main CPU s  build s')
  for (const mode of Object.keys(MODES) as Mode[]) {
    for (let run = 1; run <= runs; run++) {
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'tools/bench/startupBench.ts', '--child', mode],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
      )
      if (child.status !== 0) throw new Error(`${mode} run ${run} failed:\n${child.stderr}`)
      const f = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as RunFigures
      console.log(
        `${mode.padEnd(12)} ${String(run).padStart(4)} ${f.maxMs.toFixed(0).padStart(8)} ` +
          `${f.p99Ms.toFixed(0).padStart(8)} ${f.p50Ms.toFixed(0).padStart(8)} ` +
          `${(f.busy * 100).toFixed(0).padStart(9)}% ${(f.mainCpuMs / 1000).toFixed(1).padStart(10)} ` +
          `${(f.buildMs / 1000).toFixed(1).padStart(8)}`
      )
    }
  }
}
