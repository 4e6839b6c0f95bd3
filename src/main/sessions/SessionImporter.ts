import { basename } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { ImportOutcome } from '../../shared/ipc/schemas'
import { ImportIssue, LowestRowIssues } from '../../shared/sessions/importIssues'
import type { SessionSource } from '../../shared/sessions/labSchema'
import { readLabCsv } from './readLabCsv'
import type { LabCsvReader } from './readLabCsvInWorker'
import { ConflictPolicy, SessionBatchWriter } from './SessionBatchWriter'

export type { ConflictPolicy } from './SessionBatchWriter'

/** Issues listed back to the user; the count covers them all. */
export const MAX_LISTED_ISSUES = 500

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

  async importFile(
    path: string,
    onConflict: ConflictPolicy,
    source: SessionSource = 'import'
  ): Promise<ImportOutcome> {
    const db = new DatabaseSync(this.databasePath)
    db.exec('PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536')
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
        (session, row) => {
          conflictCount++
          const reason = `session_id "${session.session_id}" is already in the database`
          record({ row, column: 'session_id', reason })
        }
      )

      const summary = await this.read(path, {
        issue: record,
        session: (session, row) => writer!.add(session, row)
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
      db.exec('COMMIT')
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
}
