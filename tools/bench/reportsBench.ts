import { mkdirSync, rmSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createDispatch, type AppHandlers } from '../../src/main/ipc/dispatch'
import { reportHandlers } from '../../src/main/ipc/handlers/reportHandlers'
import { ReportQueries } from '../../src/main/reports/ReportQueries'
import { SessionImporter } from '../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../src/main/sessions/SessionStore'
import type { ReportFilter } from '../../src/shared/analytics/reportSchemas'
import { writeSyntheticCsv } from '../generate/writeSyntheticCsv'
import { openSqliteSessionDatabase } from '../../src/main/database/sqlite/SqliteSessionDatabase'

// npm run bench:reports [-- --rows 100000 --runs 15]: reports.summary over a generated session
// database, through the IPC chokepoint (zod input → SQL → zod output), as the app runs it.
const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, runs: { type: 'string', default: '15' } }
})
const rows = Number(values.rows)
const runs = Number(values.runs)
const dir = resolve('.bench/reports')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })

console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`
)
console.log(`Target: a filter change ≤ 300 ms (SQL + render) at 100k sessions\n`)

const csv = join(dir, 'sessions.csv')
await writeSyntheticCsv(csv, rows)

/** A database with the pilot and the generated rows, as the app builds it. */
async function prepare(name: string): Promise<{ path: string; ms: number }> {
  const path = join(dir, name, 'sessions.sqlite')
  await new SessionStore(openSqliteSessionDatabase(path)).close()
  const importer = new SessionImporter(path)
  await importer.importFile(resolve('resources/voice_sessions.csv'), 'fail', 'seed')
  const started = performance.now()
  const outcome = await importer.importFile(csv, 'fail')
  if (outcome.status !== 'imported') throw new Error('import rejected')
  return { path, ms: performance.now() - started }
}

const db = await prepare('bench')
console.log(
  `Import of ${rows.toLocaleString('en')} rows: ${Math.round(rows / (db.ms / 1000)).toLocaleString('en')} rows/s\n`
)

const FILTERS: [string, ReportFilter][] = [
  ['everything', {}],
  ['sentiment = negative', { sentiment: ['negative'] }],
  ['scenario = complaint, return', { scenario: ['complaint', 'return_request'] }],
  ['language = es, fr', { language: ['es', 'fr'] }],
  ['RAG = no', { ragUsed: false }],
  ['source = live (none)', { source: ['live'] }]
]
const trusted = (): boolean => true
const noDialogs = {
  pickCsvToOpen: async () => null,
  pickCsvToSave: async () => null,
  pickPdfToSave: async () => null,
  pickCatalogFileToOpen: async () => null
}
const sender = { windowId: 1, url: 'app://bench', isTopFrame: true }
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function timeSummaries(label: string, path: string, filters: typeof FILTERS): Promise<void> {
  const store = new SessionStore(openSqliteSessionDatabase(path))
  const handlers = reportHandlers({
    reports: new ReportQueries(store.database),
    dialogs: noDialogs
  }) as unknown as AppHandlers
  const dispatch = createDispatch(handlers, trusted)
  // The first request reads the sessions' columns into main's memory; later ones (any filter)
  // are answered from them until the database changes.
  const cold = performance.now()
  const first = await dispatch(sender, 'reports.summary', { filter: {} })
  if (!first.ok) throw new Error(first.error.message)
  console.log(
    `${label}\nfirst request (reads the columns): ${(performance.now() - cold).toFixed(0)} ms`
  )
  console.log('filter                          median ms   max ms  alerts ms  JSON KB')
  for (const [name, filter] of filters) {
    const times: number[] = []
    const alertTimes: number[] = []
    let bytes = 0
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      const result = await dispatch(sender, 'reports.summary', { filter })
      times.push(performance.now() - started)
      if (!result.ok) throw new Error(result.error.message)
      bytes = JSON.stringify(result.data).length
      const alertsStarted = performance.now()
      const alerts = await dispatch(sender, 'reports.alerts', { filter })
      alertTimes.push(performance.now() - alertsStarted)
      if (!alerts.ok) throw new Error(alerts.error.message)
    }
    console.log(
      [
        name.padEnd(30),
        median(times).toFixed(1).padStart(10),
        Math.max(...times)
          .toFixed(1)
          .padStart(8),
        median(alertTimes).toFixed(1).padStart(10),
        (bytes / 1024).toFixed(1).padStart(8)
      ].join(' ')
    )
  }
  await store.close()
  console.log('')
}

/**
 * A supervisor changing filters while a live call records: a batch of the call's events is
 * committed before each request, as the recorder does every few milliseconds.
 */
async function timeDuringCall(path: string): Promise<void> {
  const store = new SessionStore(openSqliteSessionDatabase(path))
  const dispatch = createDispatch(
    reportHandlers({
      reports: new ReportQueries(store.database),
      dialogs: noDialogs
    }) as unknown as AppHandlers,
    trusted
  )
  await dispatch(sender, 'reports.summary', { filter: {} })
  const { database } = store
  const event = { direction: 'server', type: 'response.output_audio_transcript.delta' } as const
  let seq = 0
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    // As the recorder appends: one transaction per batch, through the database layer.
    const batch = Array.from({ length: 20 }, () => ({ ...event, atMs: seq++ * 20, payload: '{}' }))
    await database.transaction((tx) => tx.events.append('BENCH-LIVE', batch))
    const [, filter] = FILTERS[i % FILTERS.length]!
    const started = performance.now()
    const result = await dispatch(sender, 'reports.summary', { filter })
    times.push(performance.now() - started)
    if (!result.ok) throw new Error(result.error.message)
  }
  await store.close()
  console.log(
    `filter change during a live call (20 events committed before each): median ` +
      `${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms\n`
  )
}

await timeSummaries(`reports.summary, ${rows + 15} sessions`, db.path, FILTERS)
await timeDuringCall(db.path)
console.log(`median/max over ${runs} runs per filter, answered from the columns in memory.`)
console.log('Times include the zod checks of input and output.')
rmSync(dir, { recursive: true, force: true })
