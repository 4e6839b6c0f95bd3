import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import type { ClientConfig } from 'pg'
import { openPostgresDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import { p50p95 } from '../../src/shared/live-call/percentile'
import { machineLine } from './machineLine'
import { deskToDeskLatency } from './teamAlerts/deskToDeskLatency'
import {
  changeReportFilter,
  listPage,
  openReports,
  pageCases,
  REPORT_FILTERS,
  seedAlerts
} from './teamBench/benchCases'
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
const ALERTS = 50
const ALERT_GAP_MS = 20
const PAGE_CASES = pageCases(ROWS)

const load = (): string =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`

async function main(): Promise<void> {
  console.log(`${machineLine()}, ${process.platform}`)
  console.log(`Start: ${load()}`)
  const server = await openBenchServer({ durable: values.durable })
  const figures: Figure[] = []
  const ms = (name: string, samples: number[], atMost: number, digits = 1): void =>
    void figures.push({ name, unit: 'ms', samples, target: { atMost }, digits })
  try {
    console.log(`PostgreSQL: ${server.label}; ${ROWS.toLocaleString('en')} sessions, ${RUNS} runs`)
    const packed = generatedSessionBatches(ROWS)

    // Import: each run into a new database, then Reports opened at once by a console that has
    // not read them (the import's rows not yet vacuumed). The last database stays.
    const rowsPerSecond: number[] = []
    const freshRender: number[] = []
    let kept: ClientConfig | null = null
    for (let run = 1; run <= RUNS; run++) {
      if (kept) await server.drop(kept)
      kept = await server.create()
      const db = await openPostgresDatabase({ connection: kept })
      try {
        const times = await importPacked(db, packed)
        rowsPerSecond.push(ROWS / (times.totalMs / 1000))
        freshRender.push(await openReports(consoleRoutes(db)))
        console.log(
          `  import ${run}: ${times.totalMs.toFixed(0)} ms (COPY ${times.copyMs.toFixed(0)} ms, ` +
            `checks + insert + commit ${times.commitMs.toFixed(0)} ms); Reports opened ` +
            `${freshRender[run - 1]!.toFixed(0)} ms after`
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
    ms('Reports first render, just imported', freshRender, 1_500)

    // What autovacuum does within a minute of a big import, done now so every run reads the
    // same settled table: visibility map, hint bits, statistics.
    const settling = await openPostgresDatabase({ connection: kept! })
    try {
      const vacuumMs = await timed(() => settling.pool.query('VACUUM (ANALYZE) sessions'))
      console.log(`  VACUUM (ANALYZE) sessions: ${vacuumMs.toFixed(0)} ms`)
      console.log(`  ${await seedAlerts(settling)} alerts stored on those sessions`)
    } finally {
      await settling.close()
    }

    // Each run a console just started (a new database object: nothing read or counted yet):
    // Reports opened, its filters changed, then the Sessions screen's pages.
    const firstRender: number[] = []
    const changes = REPORT_FILTERS.map((): number[] => [])
    const pages = PAGE_CASES.map((): number[] => [])
    for (let run = 1; run <= RUNS; run++) {
      const db = await openPostgresDatabase({ connection: kept! })
      try {
        const ask = consoleRoutes(db)
        firstRender.push(await openReports(ask))
        for (const [i, [, filter]] of REPORT_FILTERS.entries())
          changes[i]!.push(await changeReportFilter(ask, filter))
        for (const [i, page] of PAGE_CASES.entries()) pages[i]!.push(await listPage(ask, page))
      } finally {
        await db.close()
      }
    }
    ms('Reports first render', firstRender, 1_500)
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
    ms(`Alert A → B, p50 of ${ALERTS}`, p50s, 1_000, 2)
    ms(`Alert A → B, p95 of ${ALERTS}`, p95s, 1_000, 2)
  } finally {
    await server.close()
  }
  console.log(`End: ${load()}\n`)
  console.log(
    formatTable(['figure', 'measured: median (min–max)', 'target', ''], figureRows(figures))
  )
  console.log(
    "\nA first page counts its query's rows; deeper pages of the same query reuse the count."
  )
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
