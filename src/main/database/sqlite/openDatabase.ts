import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { createPrivateFile, PRIVATE_DIR_MODE } from '../../dataFolderModes'
import { columnsOf } from '../rowValues'
import { migrations } from './migrations'

export class DatabaseTooNewError extends Error {}

/** How long a statement waits for another connection's write lock (transactionNow: not at all). */
export const BUSY_TIMEOUT_MS = 5000
/** SQLite's default auto-checkpoint (pages of 4 KiB), restored after a transactionNow. */
export const WAL_AUTOCHECKPOINT_PAGES = 1000
/**
 * Once checkpointed, the log is cut back to this when it is next reused, so its size says how
 * much is left to copy (transactionNow starts a background checkpoint above 4 MB).
 */
const JOURNAL_SIZE_LIMIT_BYTES = 1024 * 1024

/** Opens (creating if needed) the session database in WAL mode and applies pending migrations. */
export function openDatabase(path: string, steps: readonly string[] = migrations): DatabaseSync {
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE })
  // Caller transcripts: owner-only from the first byte (and so are its -wal and -shm).
  createPrivateFile(path)
  const db = new DatabaseSync(path)
  try {
    db.exec(
      `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; ` +
        `PRAGMA journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`
    )
    migrate(db, steps)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get()
  return row ? columnsOf('PRAGMA').number(row, 'user_version') : 0
}

function migrate(db: DatabaseSync, steps: readonly string[]): void {
  const current = schemaVersion(db)
  if (current > steps.length) {
    throw new DatabaseTooNewError(
      `The session database is at schema version ${current}, newer than this app knows ` +
        `(${steps.length}). Update the app, or point it to another --data-dir.`
    )
  }
  for (let version = current + 1; version <= steps.length; version++) {
    db.exec('BEGIN IMMEDIATE')
    try {
      db.exec(steps[version - 1]!)
      db.exec(`PRAGMA user_version = ${version}`)
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
}
