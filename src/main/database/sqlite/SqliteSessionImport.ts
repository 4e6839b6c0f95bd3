import { statSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import type { SessionBatchSink, SessionImport, SessionImportOptions } from '../SessionDatabase'
import { settle } from './ConnectionQueue'
import { checkpointInBackground } from './checkpointInBackground'
import { CREATE_STAGING, SessionBatchWriter } from './SessionBatchWriter'
import { bumpSessionsVersion } from './sessionsVersion'

/** SQLite's own auto-checkpoint threshold: 1000 pages of 4 KiB. */
const CHECKPOINT_WAL_BYTES = 1000 * 4096

/**
 * For the import's connection only. The transaction stays atomic whatever these say:
 * synchronous NORMAL (as openDatabase sets) syncs at checkpoints, not at each commit; a bigger
 * page cache keeps the growing B-tree in memory; no auto-checkpoint inside COMMIT: a big
 * import's log is copied on a worker thread afterwards (checkpointIfBig). The busy timeout is
 * for taking the write lock once, after staging: a live call's writes hold it only briefly.
 */
const IMPORT_PRAGMAS = [
  'PRAGMA busy_timeout = 5000',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA cache_size = -65536',
  'PRAGMA wal_autocheckpoint = 0',
  // Once checkpointed, a big import's log is cut back when it is next reused.
  `PRAGMA journal_size_limit = ${CHECKPOINT_WAL_BYTES}`
].join('; ')

/**
 * Opens a connection of the import's own on `path`, with a staging database beside it. The
 * sessions are staged without the write lock; commit() takes it only to check the ids and copy
 * them over, so a live call's writes wait for that much, not for the file's parsing. Its
 * statements are synchronous; the seam's promises carry their results.
 */
export function beginSqliteImport(path: string, options: SessionImportOptions): SessionImport {
  const db = new DatabaseSync(path)
  try {
    db.exec(IMPORT_PRAGMAS)
    db.exec(CREATE_STAGING)
    db.exec('BEGIN') // staging's one transaction: no commit per statement
  } catch (error) {
    db.close()
    throw error
  }
  const sessions = new SessionBatchWriter(db, options.policy, options.source, options.recordedAt)
  const rollback = (): void => {
    if (db.isTransaction) db.exec('ROLLBACK')
  }
  const commit = (): boolean => {
    // Staged rows stay readable after this COMMIT; the write transaction begins at once.
    db.exec('COMMIT')
    db.exec('BEGIN IMMEDIATE')
    try {
      // Under the lock no call can begin and no session appear: this check is final.
      if (sessions.findConflicts(options.onConflict) > 0) {
        rollback()
        return false
      }
      sessions.copyIntoSessions()
      if (sessions.inserted + sessions.replaced > 0) bumpSessionsVersion(db)
      db.exec('COMMIT')
      return true
    } catch (error) {
      rollback()
      throw error
    }
  }
  return {
    sessions: asyncSink(sessions),
    reportConflicts: () => settle(() => void sessions.findConflicts(options.onConflict)),
    commit: () => settle(commit),
    rollback: () => settle(rollback),
    close: () =>
      settle(() => {
        rollback()
        db.close()
      })
  }
}

/** The writer as the seam's sink: add and addBatch write at once, flush's result is a promise. */
function asyncSink(writer: SessionBatchWriter): SessionBatchSink {
  return {
    get inserted() {
      return writer.inserted
    },
    get replaced() {
      return writer.replaced
    },
    get skipped() {
      return writer.skipped
    },
    add: (session, row) => writer.add(session, row),
    addBatch: (batch) => writer.addBatch(batch),
    flush: () => settle(() => writer.flush()),
    restart: () => writer.restart()
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
