import { statSync } from 'node:fs'
import { basename } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { ImportOutcome } from '../../shared/sessions/importOutcome'
import { ImportIssue, LowestRowIssues } from '../../shared/sessions/importIssues'
import type { SessionSource } from '../../shared/sessions/labSchema'
import { checkpointInBackground } from './checkpointInBackground'
import { readLabCsv } from './readLabCsv'
import type { LabCsvReader } from './readLabCsvInWorker'
import { ConflictPolicy, SessionBatchWriter } from './SessionBatchWriter'
import { bumpSessionsVersion } from './sessionsVersion'

export type { ConflictPolicy } from './SessionBatchWriter'

/** Issues listed back to the user; the count covers them all. */
export const MAX_LISTED_ISSUES = 500
/** SQLite's own auto-checkpoint threshold: 1000 pages of 4 KiB. */
const CHECKPOINT_WAL_BYTES = 1000 * 4096

/**
 * For the import's connection only. The transaction stays atomic whatever these say:
 * synchronous NORMAL (as openDatabase sets) syncs at checkpoints, not at each commit; a bigger
 * page cache keeps the growing B-tree in memory; statement journals (one per multi-row INSERT,
 * so a failed one is undone whole) stay in memory; no auto-checkpoint inside COMMIT: a big
 * import's log is copied on a worker thread afterwards (checkpointInBackground).
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

/**
 * All-or-nothing CSV import: rows are validated and inserted in one transaction on a connection
 * of its own (readers keep seeing the last committed state), rolled back if any problem was
 * found once the whole file has been read, so every problem is reported.
 */
export class SessionImporter {
  constructor(
    private readonly databasePath: string,
    private readonly now: () => number = Date.now,
    /** In the app, workerLabCsvReader: parsing runs beside the inserts. */
    private readonly read: LabCsvReader = readLabCsv
  ) {}

  /** The last background checkpoint: undefined once done, or its error. */
  checkpointed: Promise<Error | undefined> = Promise.resolve(undefined)

  async importFile(
    path: string,
    onConflict: ConflictPolicy,
    source: SessionSource = 'import'
  ): Promise<ImportOutcome> {
    const db = new DatabaseSync(this.databasePath)
    db.exec(IMPORT_PRAGMAS)
    const issues = new LowestRowIssues(MAX_LISTED_ISSUES)
    let issueCount = 0
    let conflictCount = 0
    let writer: SessionBatchWriter | undefined
    const record = (issue: ImportIssue): void => {
      issueCount++
      issues.add(issue)
      writer?.stopWriting()
    }
    const fileName = basename(path)

    db.exec('BEGIN IMMEDIATE')
    try {
      // Built inside the transaction: it checks whether the table is empty, and no other
      // writer can change that until we commit.
      writer = new SessionBatchWriter(
        db,
        onConflict,
        source,
        new Date(this.now()).toISOString(),
        (sessionId, row) => {
          conflictCount++
          record({
            row,
            column: 'session_id',
            reason: `session_id "${sessionId}" is already in the database`,
            code: 'idInDatabase',
            params: { id: sessionId }
          })
        }
      )

      const summary = await this.read(path, {
        issue: record,
        session: (session, row) => writer!.add(session, row),
        sessions: (batch) => writer!.addBatch(batch)
      })
      writer.flush()
      if (issueCount > 0) {
        db.exec('ROLLBACK')
        return {
          status: 'rejected',
          fileName,
          issues: issues.list(),
          issueCount,
          conflictCount,
          warnings: summary.warnings
        }
      }
      if (writer.inserted + writer.replaced > 0) bumpSessionsVersion(db)
      db.exec('COMMIT')
      this.checkpointIfBig()
      const { inserted, replaced, skipped } = writer
      return {
        status: 'imported',
        fileName,
        inserted,
        replaced,
        skipped,
        warnings: summary.warnings
      }
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK')
      throw error
    } finally {
      db.close()
    }
  }

  private checkpointIfBig(): void {
    let walBytes = 0
    try {
      walBytes = statSync(`${this.databasePath}-wal`).size
    } catch {
      return // no log: nothing to copy
    }
    if (walBytes < CHECKPOINT_WAL_BYTES) return
    const previous = this.checkpointed
    this.checkpointed = previous.then(() => checkpointInBackground(this.databasePath))
  }
}
