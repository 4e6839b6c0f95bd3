import { basename } from 'node:path'
import type { ImportOutcome } from '../../shared/sessions/importOutcome'
import { ImportIssue, LowestRowIssues } from '../../shared/sessions/importIssues'
import type { SessionSource } from '../../shared/sessions/labSchema'
import type { ConflictPolicy, SessionImport } from '../database/SessionDatabase'
import { beginSqliteImport, checkpointIfBig } from '../database/sqlite/SqliteSessionImport'
import { readLabCsv } from './readLabCsv'
import type { LabCsvReader } from './readLabCsvInWorker'

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

  /** The last background checkpoint: undefined once done, or its error. */
  checkpointed: Promise<Error | undefined> = Promise.resolve(undefined)

  async importFile(
    path: string,
    onConflict: ConflictPolicy,
    source: SessionSource = 'import'
  ): Promise<ImportOutcome> {
    const issues = new LowestRowIssues(MAX_LISTED_ISSUES)
    let issueCount = 0
    let conflictCount = 0
    const record = (issue: ImportIssue): void => {
      issueCount++
      issues.add(issue)
      batch.sessions.stopWriting()
    }
    const fileName = basename(path)

    // A Sessions connection of its own: readers keep seeing the last committed state.
    const batch: SessionImport = beginSqliteImport(this.databasePath, {
      policy: onConflict,
      source,
      recordedAt: new Date(this.now()).toISOString(),
      onConflict: (sessionId, row) => {
        conflictCount++
        record({
          row,
          column: 'session_id',
          reason: `session_id "${sessionId}" is already in the database`,
          code: 'idInDatabase',
          params: { id: sessionId }
        })
      }
    })
    const writer = batch.sessions
    try {
      const summary = await this.read(path, {
        issue: record,
        session: (session, row) => writer.add(session, row),
        sessions: (packed) => writer.addBatch(packed)
      })
      writer.flush()
      if (issueCount > 0) {
        batch.rollback()
        return {
          status: 'rejected',
          fileName,
          issues: issues.list(),
          issueCount,
          conflictCount,
          warnings: summary.warnings
        }
      }
      batch.commit()
      this.checkpointed = checkpointIfBig(this.databasePath, this.checkpointed)
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
      batch.rollback()
      throw error
    } finally {
      batch.close()
    }
  }
}
