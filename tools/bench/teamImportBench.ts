import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openPostgresDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import { SessionBatchPacker, type SessionBatch } from '../../src/main/sessions/packedSessions'
import { createDatabase, startLocalPostgres, stopLocalPostgres } from '../postgres/localPostgres'
import type { LocalPostgres } from '../postgres/localPostgres'
import { machineLine } from './machineLine'

// npm run bench:team-import [-- --rows 1000000 --runs 3 --url postgres://…]: the PostgreSQL
// backend's import (COPY into the import's staging table, id checks, one INSERT … SELECT into
// sessions, commit) of generated sessions into an empty database, in rows/s. Without --url it
// starts a scratch server with PostgreSQL's default durability (fsync on) and stops it after.
// The sessions are packed in memory before the clock starts: the CSV reader is not measured
// (npm run bench:import measures it).
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    url: { type: 'string' }
  }
})
const ROWS = Number(values.rows)
const RUNS = Number(values.runs)

function batches(rows: number): SessionBatch[] {
  const packer = new SessionBatchPacker()
  const out: SessionBatch[] = []
  for (let i = 0; i < rows; i++) {
    const p50 = 70 + (i % 40)
    const batch = packer.addFields(
      `T${String(i).padStart(8, '0')}`,
      ['product_inquiry', 'order_status', 'complaint', 'return_request', 'faq'][i % 5]!,
      ['positive', 'neutral', 'negative'][i % 3]!,
      'gpt-realtime',
      ['en', 'en', 'es', 'fr'][i % 4]!,
      20 + (i % 100),
      p50,
      p50 + 80 + (i % 60),
      i % 6,
      3 + (i % 15),
      i % 4 !== 0,
      i + 2
    )
    if (batch) out.push(batch)
  }
  const last = packer.take()
  if (last) out.push(last)
  return out
}

async function importOnce(url: string, packed: SessionBatch[]): Promise<number[]> {
  const db = await openPostgresDatabase({ connection: url })
  try {
    const started = performance.now()
    const run = await db.beginImport({
      policy: 'fail',
      source: 'import',
      recordedAt: new Date().toISOString(),
      onConflict: () => {
        throw new Error('no conflicts expected in an empty database')
      }
    })
    // As an importer would: a flush every 50 batches (100k rows) bounds what is held in memory.
    for (const [i, batch] of packed.entries()) {
      run.sessions.addBatch(batch)
      if (i % 50 === 49) await run.sessions.flush()
    }
    await run.sessions.flush()
    const staged = performance.now()
    if (!(await run.commit())) throw new Error('import refused')
    await run.close()
    const done = performance.now()
    if ((await db.sessions.count()) !== ROWS) throw new Error('rows missing after the import')
    return [staged - started, done - staged, done - started]
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
    const packed = batches(ROWS)
    console.log(`PostgreSQL import of ${ROWS.toLocaleString('en')} sessions (COPY), ${RUNS} runs`)
    const totals: number[] = []
    for (let r = 1; r <= RUNS; r++) {
      const url = server ? await createDatabase(server, `bench_${r}`) : values.url!
      const [copyMs, commitMs, totalMs] = await importOnce(url, packed)
      totals.push(totalMs!)
      console.log(
        `  run ${r}: ${Math.round(ROWS / (totalMs! / 1000)).toLocaleString('en')} rows/s ` +
          `(COPY ${copyMs!.toFixed(0)} ms, checks + insert + commit ${commitMs!.toFixed(0)} ms)`
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
