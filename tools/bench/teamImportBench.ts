import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openPostgresDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import type { SessionBatch } from '../../src/main/sessions/packedSessions'
import { createDatabase, startLocalPostgres, stopLocalPostgres } from '../postgres/localPostgres'
import type { LocalPostgres } from '../postgres/localPostgres'
import { machineLine } from './machineLine'
import { generatedSessionBatches } from './teamImport/generatedSessionBatches'
import { importPacked, type ImportTimes } from './teamImport/importPacked'

// npm run bench:team-import [-- --rows 1000000 --runs 3 --url postgres://…]: the PostgreSQL
// backend's import of generated sessions (ids in order) into an empty database, in rows/s: COPY
// straight into sessions (ids above every stored one), then the commit's checks of anything
// staged. Without --url it starts a scratch server with PostgreSQL's default durability (fsync
// on) and stops it after. The sessions are packed in memory before the clock starts: the CSV
// reader is not measured (npm run bench:import measures it). npm run bench:team measures the
// same import among the other team-mode targets.
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    url: { type: 'string' }
  }
})
const ROWS = Number(values.rows)
const RUNS = Number(values.runs)

async function importOnce(url: string, packed: SessionBatch[]): Promise<ImportTimes> {
  const db = await openPostgresDatabase({ connection: url })
  try {
    return await importPacked(db, packed)
  } finally {
    await db.close()
  }
}

async function main(): Promise<void> {
  console.log(machineLine())
  const server: LocalPostgres | null = values.url
    ? null
    : await startLocalPostgres({ dir: mkdtempSync(join(tmpdir(), 'voice-console-bench-pg-')) })
  try {
    const packed = generatedSessionBatches(ROWS)
    console.log(`PostgreSQL import of ${ROWS.toLocaleString('en')} sessions (COPY), ${RUNS} runs`)
    const totals: number[] = []
    for (let r = 1; r <= RUNS; r++) {
      const url = server ? await createDatabase(server, `bench_${r}`) : values.url!
      const { copyMs, commitMs, totalMs } = await importOnce(url, packed)
      totals.push(totalMs)
      console.log(
        `  run ${r}: ${Math.round(ROWS / (totalMs / 1000)).toLocaleString('en')} rows/s ` +
          `(COPY ${copyMs.toFixed(0)} ms, checks + insert + commit ${commitMs.toFixed(0)} ms)`
      )
      if (!server) break // one run on a database of the caller's: it is not emptied between runs
    }
    const best = Math.min(...totals)
    console.log(
      `Best: ${Math.round(ROWS / (best / 1000)).toLocaleString('en')} rows/s ` +
        '(target at 1M rows: ≥ 300,000 rows/s; a shared machine runs slower)'
    )
  } finally {
    if (server) stopLocalPostgres(server.dir, { remove: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
