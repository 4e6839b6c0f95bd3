import type { PostgresSessionDatabase } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import { nextTurn } from '../../../src/main/nextTurn'
import type { SessionBatch } from '../../../src/main/sessions/packedSessions'

export interface ImportTimes {
  /** Start to every row staged at the server (COPY). */
  copyMs: number
  /** Staged to committed: the id checks, the copy into sessions, the commit. */
  commitMs: number
  totalMs: number
}

/**
 * One import of `packed` through the database's beginImport (what SessionImporter calls),
 * policy 'fail', into a database where none of the ids exist; checks every row arrived.
 */
export async function importPacked(
  db: PostgresSessionDatabase,
  packed: readonly SessionBatch[]
): Promise<ImportTimes> {
  const rows = packed.reduce((sum, batch) => sum + batch.count, 0)
  const before = await db.sessions.count()
  const started = performance.now()
  const run = await db.beginImport({
    policy: 'fail',
    source: 'import',
    recordedAt: new Date().toISOString(),
    onConflict: () => {
      throw new Error('no conflicts expected: the generated ids are new to this database')
    }
  })
  try {
    // As SessionImporter hands them over: one batch per turn of the event loop (each is a
    // message from the CSV worker), so the COPY streams to the server while the next arrives;
    // one flush at the end.
    for (const batch of packed) {
      run.sessions.addBatch(batch)
      await nextTurn()
    }
    await run.sessions.flush()
    const staged = performance.now()
    if (!(await run.commit())) throw new Error('import refused')
    const done = performance.now()
    if ((await db.sessions.count()) !== before + rows)
      throw new Error('rows missing after the import')
    return { copyMs: staged - started, commitMs: done - staged, totalMs: done - started }
  } finally {
    await run.close()
  }
}
