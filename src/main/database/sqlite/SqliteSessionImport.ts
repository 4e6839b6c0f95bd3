import { statSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import type { SessionImport, SessionImportOptions } from '../SessionDatabase'
import { checkpointInBackground } from './checkpointInBackground'
import { SessionBatchWriter } from './SessionBatchWriter'
import { bumpSessionsVersion } from './sessionsVersion'

/** SQLite's own auto-checkpoint threshold: 1000 pages of 4 KiB. */
const CHECKPOINT_WAL_BYTES = 1000 * 4096

/**
 * For the import's connection only. The transaction stays atomic whatever these say:
 * synchronous NORMAL (as openDatabase sets) syncs at checkpoints, not at each commit; a bigger
 * page cache keeps the growing B-tree in memory; statement journals (one per multi-row INSERT,
 * so a failed one is undone whole) stay in memory; no auto-checkpoint inside COMMIT: a big
 * import's log is copied on a worker thread afterwards (checkpointIfBig).
 */
const IMPORT_PRAGMAS = [
  'PRAGMA busy_timeout = 5000',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA cache_size = -65536',
  'PRAGMA temp_store = MEMORY',
  'PRAGMA wal_autocheckpoint = 0',
  // Once checkpointed, a big import's log is cut back when it is next reused.
  `PRAGMA journal_size_limit = ${CHECKPOINT_WAL_BYTES}`
].join('; ')

/** Opens a connection of the import's own on `path` and begins its write transaction. */
export function beginSqliteImport(path: string, options: SessionImportOptions): SessionImport {
  const db = new DatabaseSync(path)
  try {
    db.exec(IMPORT_PRAGMAS)
    db.exec('BEGIN IMMEDIATE')
    // Built inside the transaction: it checks whether the table is empty, and no other writer
    // can change that until we commit.
    const sessions = new SessionBatchWriter(
      db,
      options.policy,
      options.source,
      options.recordedAt,
      options.onConflict
    )
    return {
      sessions,
      commit: () => {
        if (sessions.inserted + sessions.replaced > 0) bumpSessionsVersion(db)
        db.exec('COMMIT')
      },
      rollback: () => {
        if (db.isTransaction) db.exec('ROLLBACK')
      },
      close: () => db.close()
    }
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    db.close()
    throw error
  }
}

/**
 * After a big import, copies the write-ahead log into the database file on a worker thread
 * (after `previous`); resolves at once when the log is small or absent.
 */
export function checkpointIfBig(
  path: string,
  previous: Promise<Error | undefined>
): Promise<Error | undefined> {
  let walBytes = 0
  try {
    walBytes = statSync(`${path}-wal`).size
  } catch {
    return previous // no log: nothing to copy
  }
  if (walBytes < CHECKPOINT_WAL_BYTES) return previous
  return previous.then(() => checkpointInBackground(path))
}
