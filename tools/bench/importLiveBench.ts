import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createDispatch } from '../../src/main/ipc/dispatch'
import { APP_ORIGIN } from '../../src/main/windows/appOrigin'
import { createAppUrlCheck, isTrustedSender } from '../../src/main/ipc/senderPolicy'
import { createServices } from '../../src/main/services'
import { workerLabCsvReader } from '../../src/main/sessions/readLabCsvInWorker'
import { percentile } from '../../src/shared/live-call/percentile'
import type { KnownCallInput } from '../../src/shared/live-call/callEvents'
import { writeSyntheticCsv } from '../generate/writeSyntheticCsv'
import { syntheticCallInputs } from './importLive/syntheticCallInputs'
import { machineLine } from './machineLine'

// npm run bench:import-live [-- ROWS]   (default 1 000 000)
// A live call appends a batch every 100 ms through the real IPC chokepoint, as the renderer's
// uploader does, while a CSV import of ROWS sessions runs through the real importer (parsing
// on a worker, as in the app). Each append's latency counts from when the renderer would have
// sent it, so a stall of main's event loop before the request is served counts too.
const ROWS = Number(process.argv[2] ?? 1_000_000)
const BATCH_EVERY_MS = 100
/** Appending goes on this long after the import, so the queue's drain is measured too. */
const AFTER_IMPORT_MS = 3000
const APP_URL = `${APP_ORIGIN}/index.html`
const SENDER = { windowId: 1, url: APP_URL, isTopFrame: true }
const LAB_CSV_WORKER = new URL('../../src/main/sessions/labCsvWorker.ts', import.meta.url)

const cacheDir = resolve('.bench')
mkdirSync(cacheDir, { recursive: true })
const csv = join(cacheDir, `import-live-${ROWS}.csv`)
if (!existsSync(csv)) await writeSyntheticCsv(csv, ROWS, 59)

const dataDir = mkdtempSync(join(tmpdir(), 'import-live-bench-'))
const services = await createServices({
  dataDir,
  resourcesDir: resolve('resources'),
  version: '0.0.0-bench',
  runtime: 'harness',
  dialogs: {
    pickCsvToOpen: async () => csv,
    pickCsvToSave: async () => null,
    pickPdfToSave: async () => null,
    pickCatalogFileToOpen: async () => null
  },
  emit: () => {},
  csvReader: workerLabCsvReader(LAB_CSV_WORKER, ['--import', 'tsx'])
})
const dispatch = createDispatch(services.handlers, isTrustedSender(createAppUrlCheck()))
const call = async <T>(route: string, input: unknown): Promise<T> => {
  const result = await dispatch(SENDER, route, input)
  if (!result.ok) throw new Error(`${route}: ${result.error.message}`)
  return result.data as T
}

const startedAt = Date.now()
const { sessionId } = await call<{ sessionId: string }>('recording.begin', {
  provider: 'custom',
  model: 'gpt-realtime',
  startedAt
})
const inputs = syntheticCallInputs(0)
let pending: KnownCallInput | null = null
/** The call's inputs up to page time `t` (a real call's batch is whatever arrived meanwhile). */
function inputsUntil(t: number): KnownCallInput[] {
  const out: KnownCallInput[] = []
  for (;;) {
    const next = pending ?? inputs.next().value!
    if (next.t > t) {
      pending = next
      return out
    }
    pending = null
    out.push(next)
  }
}

const loop = monitorEventLoopDelay({ resolution: 10 })
loop.enable()
/** From when the batch was due (the renderer sent it) to its answer, during and after. */
const latencies = { during: [] as number[], after: [] as number[] }
/** The handler's own time: from when main took the request up to its answer. */
const serviceMs: number[] = []
const failures: string[] = []
let sent = 0
let batchSizes = 0
let importDone = false
let importMs = 0
const importStarted = performance.now()
const importing = (async () => {
  const picked = await call<{ token: string }>('sessions.pickImportFile', {})
  const outcome = await call<{ status: string; inserted?: number }>('sessions.importFile', {
    token: picked.token,
    onConflict: 'fail'
  })
  importMs = performance.now() - importStarted
  importDone = true
  if (outcome.status !== 'imported') throw new Error(`import ${outcome.status}`)
  return outcome.inserted ?? 0
})()

// The uploader's chain: one append at a time, each due BATCH_EVERY_MS after the last one.
let due = performance.now()
let endAt = Infinity
while (performance.now() < endAt) {
  // The renderer's chain: after a late answer, the next batch goes at once with what piled up.
  due = Math.max(due + BATCH_EVERY_MS, performance.now())
  const wait = due - performance.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  const events = inputsUntil(performance.now() - importStarted)
  if (events.length === 0) continue
  const phase = importDone ? 'after' : 'during'
  const taken = performance.now()
  try {
    await call('recording.append', { sessionId, events })
    sent += events.length
    batchSizes += 1
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error))
  }
  serviceMs.push(performance.now() - taken)
  latencies[phase].push(performance.now() - due)
  if (importDone && endAt === Infinity) endAt = performance.now() + AFTER_IMPORT_MS
}
const inserted = await importing
const finishStarted = performance.now()
await call('recording.finish', { sessionId, endedAt: Date.now() })
const finishMs = performance.now() - finishStarted
loop.disable()
const stored = (await call<{ events: number }>('recording.get', { sessionId })).events
services.close()
rmSync(dataDir, { recursive: true, force: true })

const fmt = (n: number | null): string => (n === null ? '–' : n.toFixed(1))
console.log(machineLine())
console.log(`Import: ${inserted.toLocaleString('en-US')} rows in ${(importMs / 1000).toFixed(1)} s`)
const figures = (xs: number[]): string =>
  `p50 ${fmt(percentile(xs, 0.5))}, p95 ${fmt(percentile(xs, 0.95))}, ` +
  `p99 ${fmt(percentile(xs, 0.99))}, max ${fmt(xs.length ? Math.max(...xs) : null)}`
console.log(
  `Appends: ${serviceMs.length} batches (${(sent / Math.max(1, batchSizes)).toFixed(1)} inputs ` +
    `each on average), every ${BATCH_EVERY_MS} ms during the import and ${AFTER_IMPORT_MS} ms after`
)
console.log(
  `Append latency ms, during the import (${latencies.during.length}): ${figures(latencies.during)}`
)
console.log(`Append latency ms, after it (${latencies.after.length}): ${figures(latencies.after)}`)
console.log(`Append handler's own time ms: ${figures(serviceMs)}`)
console.log(`Failures: ${failures.length}${failures.length ? ` (first: ${failures[0]})` : ''}`)
console.log(
  `Main event loop: max stall ${(loop.max / 1e6).toFixed(0)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms`
)
console.log(
  `Finish after the import: ${finishMs.toFixed(0)} ms; stored ${stored} of ${sent} inputs`
)
console.log('Target: zero failures, append p99 ≤ 100 ms')
if (stored !== sent) throw new Error(`stored ${stored} inputs, appended ${sent}`)
