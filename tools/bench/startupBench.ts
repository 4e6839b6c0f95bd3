import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { CatalogService, catalogIndexRoot } from '../../src/main/catalog/CatalogService'
import type { EmbeddingProvider } from '../../src/main/catalog/embeddings/EmbeddingProvider'
import { machineLine } from './machineLine'

// npm run bench:startup [-- --runs 3]: main's event loop while the catalog's first index is
// built, as at the app's first launch: the shipped catalog, the offline provider, no word-vector
// table on disk yet (its base vocabulary is distilled from the sentence model), then the first
// query's warm-up. Each run is a fresh process, so the model and TensorFlow.js load cold.
// 'in-thread' is the provider as main ran it before the worker (the CLI still does);
// 'worker' is the app's, its entry run through tsx (the app bundles it; main's side is the same);
// 'idle' watches an idle loop for 10 s: the machine's own noise, which the others include.
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, child: { type: 'string' } }
})
const RESOLUTION_MS = 10
const WORKER = new URL(
  '../../src/main/catalog/embeddings/offlineEmbeddingsWorker.ts',
  import.meta.url
)
const IDLE_MS = 10_000

interface Workload {
  run(): Promise<unknown>
  close(): void
}

/** The first index build and the first query's warm-up, as services start them. */
function firstBuild(dataDir: string, embeddings: EmbeddingProvider): Workload {
  const catalog = new CatalogService({ shippedDir: resolve('resources'), dataDir, embeddings })
  return {
    run: () => catalog.reindex().then(() => catalog.warmUp()),
    close: () => catalog.close()
  }
}

// Each imports its provider itself: the in-thread one's module loads TensorFlow.js into main.
const MODES = {
  'in-thread': async (dataDir: string) => {
    const { offlineEmbeddings } =
      await import('../../src/main/catalog/embeddings/offlineEmbeddings')
    return firstBuild(dataDir, offlineEmbeddings({ indexRoot: catalogIndexRoot(dataDir) }))
  },
  worker: async (dataDir: string) => {
    const { offlineEmbeddingsInWorker } =
      await import('../../src/main/catalog/embeddings/offlineEmbeddingsInWorker')
    return firstBuild(
      dataDir,
      offlineEmbeddingsInWorker(WORKER, {
        indexRoot: catalogIndexRoot(dataDir),
        execArgv: ['--import', 'tsx']
      })
    )
  },
  idle: async () => ({
    run: () => new Promise((done) => setTimeout(done, IDLE_MS)),
    close: () => undefined
  })
} satisfies Record<string, (dataDir: string) => Promise<Workload>>
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
    const workload = await MODES[mode](dataDir)
    const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
    const utilization = performance.eventLoopUtilization()
    const cpu = process.threadCpuUsage()
    const started = performance.now()
    delay.enable()
    await workload.run()
    delay.disable()
    const buildMs = performance.now() - started
    const busy = performance.eventLoopUtilization(utilization).utilization
    const { user, system } = process.threadCpuUsage(cpu)
    workload.close()
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

const row = (mode: string, run: string, f: RunFigures): string =>
  `${mode.padEnd(12)} ${run.padStart(6)} ${f.maxMs.toFixed(0).padStart(8)} ` +
  `${f.p99Ms.toFixed(0).padStart(8)} ${f.p50Ms.toFixed(0).padStart(8)} ` +
  `${(f.busy * 100).toFixed(0).padStart(9)}% ${(f.mainCpuMs / 1000).toFixed(1).padStart(10)} ` +
  `${(f.buildMs / 1000).toFixed(1).padStart(8)}`

/** Each figure's median over the runs. */
function medians(runs: RunFigures[]): RunFigures {
  const median = (pick: (f: RunFigures) => number): number =>
    runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!
  return {
    maxMs: median((f) => f.maxMs),
    p99Ms: median((f) => f.p99Ms),
    p50Ms: median((f) => f.p50Ms),
    busy: median((f) => f.busy),
    mainCpuMs: median((f) => f.mainCpuMs),
    buildMs: median((f) => f.buildMs)
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
      `${runs} runs per mode, alternating, each a fresh process.\n`
  )
  console.log('mode            run   max ms   p99 ms   p50 ms  main busy  main CPU s  build s')
  const figures = new Map<Mode, RunFigures[]>()
  for (let run = 1; run <= runs; run++) {
    for (const mode of Object.keys(MODES) as Mode[]) {
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'tools/bench/startupBench.ts', '--child', mode],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
      )
      if (child.status !== 0) throw new Error(`${mode} run ${run} failed:\n${child.stderr}`)
      const f = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as RunFigures
      figures.set(mode, [...(figures.get(mode) ?? []), f])
      console.log(row(mode, String(run), f))
    }
  }
  for (const [mode, runsOf] of figures) console.log(row(mode, 'median', medians(runsOf)))
  console.log(
    "\nbuild s: the cold build and first query (idle: the wait). Main CPU is main's thread alone;\n" +
      'on a shared machine, wall times and delays also include waiting for a core.'
  )
}
