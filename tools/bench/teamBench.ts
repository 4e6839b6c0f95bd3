import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import type { ClientConfig } from 'pg'
import { openPostgresDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import type { PostgresSessionDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import type { ReportFilter } from '../../src/shared/analytics/reportSchemas'
import { p50p95 } from '../../src/shared/live-call/percentile'
import type { SessionFilter, SessionSort } from '../../src/shared/sessions/sessionQuery'
import { machineLine } from './machineLine'
import { deskToDeskLatency } from './teamAlerts/deskToDeskLatency'
import { openBenchServer } from './teamBench/benchServer'
import { consoleRoutes, timed } from './teamBench/consoleRoutes'
import { figureRows, formatTable, type Figure } from './teamBench/figureTable'
import { generatedSessionBatches } from './teamImport/generatedSessionBatches'
import { importPacked } from './teamImport/importPacked'

// npm run bench:team [-- --rows 1000000 --runs 3 --durable]: issue #17's team-mode targets on a
// real PostgreSQL holding `rows` sessions: the import by COPY, Reports (first render, filter
// changes) and Sessions pages through the IPC chokepoint, and alerts desk A → desk B. Each
// figure is measured --runs times; the table shows the median, min–max and pass/fail.
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    durable: { type: 'boolean', default: false }
  }
})
const ROWS = Number(values.rows)
const RUNS = Number(values.runs)
if (!Number.isInteger(ROWS) || ROWS < 1000 || !Number.isInteger(RUNS) || RUNS < 1)
  throw new Error('usage: bench:team [-- --rows 1000000 --runs 3 --durable] (rows ≥ 1000)')
const PAGE = 200 // the Sessions screen's page (sessionPageCache)
const ALERTS = 50
const ALERT_GAP_MS = 20

const load = (): string =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`

const REPORT_FILTERS: [string, ReportFilter][] = [
  ['language = es, fr', { language: ['es', 'fr'] }],
  ['source = import', { source: ['import'] }],
  ['started 2025-01-01…2025-03-31', { startedFrom: '2025-01-01', startedTo: '2025-03-31' }],
  ['scenario = complaint, RAG = no', { scenario: ['complaint'], ragUsed: false }]
]

const BY_ID: SessionSort = { column: 'session_id', direction: 'asc' }
const BY_P95: SessionSort = { column: 'latency_p95_ms', direction: 'desc' }
const SPANISH: SessionFilter = { language: ['es'] }
/**
 * The Sessions screen's requests, each a sessions.list of one page: a filter and sort's first
 * page (which counts the rows), then deeper pages of the same query (the count is kept).
 * A quarter of the generated sessions are Spanish.
 */
const PAGE_CASES: [string, SessionFilter, SessionSort, number][] = [
  ['by id, first page', {}, BY_ID, 0],
  ['by id, middle page', {}, BY_ID, Math.floor(ROWS / 2)],
  ['by id, last page', {}, BY_ID, ROWS - PAGE],
  ['language = es, first page', SPANISH, BY_ID, 0],
  ['language = es, middle page', SPANISH, BY_ID, Math.floor(ROWS / 8)],
  ['by P95 ↓, first page', {}, BY_P95, 0],
  ['by P95 ↓, middle page', {}, BY_P95, Math.floor(ROWS / 2)],
  ['search "T0000", first page', { search: 'T0000' }, BY_ID, 0]
]

/** Two thousand alerts per million sessions, so the Reports' alert figures have work to do. */
async function seedAlerts(db: PostgresSessionDatabase): Promise<number> {
  const result = await db.pool.query(
    `INSERT INTO alerts (session_id, rule, severity, raised_at, evidence)
     SELECT session_id, 'interruptions_total', 'warning', '2025-02-01T10:00:00.000Z', '{}'
     FROM sessions WHERE right(session_id, 3) = '000' OR right(session_id, 3) = '500'`
  )
  return result.rowCount ?? 0
}

async function main(): Promise<void> {
  console.log(`${machineLine()}, ${process.platform}`)
  console.log(`Start: ${load()}`)
  const server = await openBenchServer({ durable: values.durable })
  const figures: Figure[] = []
  const ms = (name: string, samples: number[], atMost: number): void =>
    void figures.push({ name, unit: 'ms', samples, target: { atMost }, digits: 1 })
  try {
    console.log(`PostgreSQL: ${server.label}; ${ROWS.toLocaleString('en')} sessions, ${RUNS} runs`)
    const packed = generatedSessionBatches(ROWS)

    // Import: each run into a new database; the last one stays for the reads.
    const rowsPerSecond: number[] = []
    let kept: ClientConfig | null = null
    for (let run = 1; run <= RUNS; run++) {
      if (kept) await server.drop(kept)
      kept = await server.create()
      const db = await openPostgresDatabase({ connection: kept })
      try {
        const times = await importPacked(db, packed)
        rowsPerSecond.push(ROWS / (times.totalMs / 1000))
        console.log(
          `  import ${run}: ${times.totalMs.toFixed(0)} ms (COPY ${times.copyMs.toFixed(0)} ms, ` +
            `checks + insert + commit ${times.commitMs.toFixed(0)} ms)`
        )
      } finally {
        await db.close()
      }
    }
    figures.push({
      name: 'Import by COPY',
      unit: 'rows/s',
      samples: rowsPerSecond,
      target: { atLeast: 300_000 }
    })

    const seeding = await openPostgresDatabase({ connection: kept! })
    try {
      console.log(`  ${await seedAlerts(seeding)} alerts stored on those sessions`)
    } finally {
      await seeding.close()
    }

    // Each run a console just started (a new database object: nothing read or counted yet).
    // Opening Reports: the screen's three requests at once (the first reads the columns into
    // memory); then filter changes. Then the Sessions screen's pages.
    const firstRender: number[] = []
    const changes = REPORT_FILTERS.map((): number[] => [])
    const pages = PAGE_CASES.map((): number[] => [])
    for (let run = 1; run <= RUNS; run++) {
      const db = await openPostgresDatabase({ connection: kept! })
      try {
        const ask = consoleRoutes(db)
        firstRender.push(
          await timed(() =>
            Promise.all([
              ask('reports.summary', { filter: {} }),
              ask('reports.alerts', { filter: {} }),
              ask('sessions.facets', {})
            ])
          )
        )
        for (const [i, [, filter]] of REPORT_FILTERS.entries())
          changes[i]!.push(
            await timed(() =>
              Promise.all([ask('reports.summary', { filter }), ask('reports.alerts', { filter })])
            )
          )
        for (const [i, [, filter, sort, offset]] of PAGE_CASES.entries())
          pages[i]!.push(
            await timed(() => ask('sessions.list', { filter, sort, offset, limit: PAGE }))
          )
      } finally {
        await db.close()
      }
    }
    ms('Reports first render (reads the columns)', firstRender, 1_500)
    for (const [i, [name]] of REPORT_FILTERS.entries())
      ms(`Reports filter: ${name}`, changes[i]!, 300)
    for (const [i, [name]] of PAGE_CASES.entries()) ms(`Sessions: ${name}`, pages[i]!, 100)

    // Alerts desk A → desk B: each run 50 alerts over the team channel (LISTEN/NOTIFY).
    const p50s: number[] = []
    const p95s: number[] = []
    for (let run = 1; run <= RUNS; run++) {
      const { p50, p95 } = p50p95(await deskToDeskLatency(kept!, ALERTS, ALERT_GAP_MS))
      p50s.push(p50 ?? NaN)
      p95s.push(p95 ?? NaN)
    }
    figures.push(
      {
        name: `Alert A → B, p50 of ${ALERTS}`,
        unit: 'ms',
        samples: p50s,
        target: { atMost: 1_000 },
        digits: 2
      },
      {
        name: `Alert A → B, p95 of ${ALERTS}`,
        unit: 'ms',
        samples: p95s,
        target: { atMost: 1_000 },
        digits: 2
      }
    )
  } finally {
    await server.close()
  }
  console.log(`End: ${load()}\n`)
  console.log(
    formatTable(['figure', 'measured: median (min–max)', 'target', ''], figureRows(figures))
  )
  console.log(
    "\nA first page counts its filter's rows; deeper pages of the same query reuse the count."
  )
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
