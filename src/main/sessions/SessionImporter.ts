import { basename } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { ImportOutcome } from '../../shared/ipc/schemas'
import type { ImportIssue } from '../../shared/sessions/importIssues'
import { LAB_COLUMNS, SessionSource } from '../../shared/sessions/labSchema'
import { readLabCsv } from './readLabCsv'
import { INSERT_LAB_SESSION, labValues, sourceValues } from './sessionRows'

export type ConflictPolicy = 'fail' | 'skip' | 'replace'

/** Issues listed back to the user; the count covers them all. */
export const MAX_LISTED_ISSUES = 500

const UPDATE_LAB_COLUMNS = LAB_COLUMNS.filter((c) => c !== 'session_id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')

/**
 * All-or-nothing CSV import: rows are validated and inserted in one transaction on a connection
 * of its own (readers keep seeing the last committed state), rolled back on the first problem
 * found once the whole file has been read, so every problem is reported.
 */
export class SessionImporter {
  constructor(
    private readonly databasePath: string,
    private readonly now: () => number = Date.now
  ) {}

  async importFile(
    path: string,
    onConflict: ConflictPolicy,
    source: SessionSource = 'import'
  ): Promise<ImportOutcome> {
    const db = new DatabaseSync(this.databasePath)
    db.exec('PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL')
    const exists = db.prepare('SELECT 1 FROM sessions WHERE session_id = ?')
    const insert = db.prepare(INSERT_LAB_SESSION)
    const upsert = db.prepare(
      `${INSERT_LAB_SESSION} ON CONFLICT (session_id) DO UPDATE SET ${UPDATE_LAB_COLUMNS},
       source = excluded.source, recorded_at = excluded.recorded_at`
    )
    const recordedAt = new Date(this.now()).toISOString()
    const issues: ImportIssue[] = []
    let issueCount = 0
    let conflictCount = 0
    let inserted = 0
    let replaced = 0
    let skipped = 0
    const fileName = basename(path)

    db.exec('BEGIN IMMEDIATE')
    try {
      const summary = await readLabCsv(path, {
        issue(issue) {
          issueCount++
          if (issues.length < MAX_LISTED_ISSUES) issues.push(issue)
        },
        session(session, row) {
          const known = exists.get(session.session_id) !== undefined
          if (known && onConflict === 'fail') {
            issueCount++
            conflictCount++
            const reason = `session_id "${session.session_id}" is already in the database`
            if (issues.length < MAX_LISTED_ISSUES)
              issues.push({ row, column: 'session_id', reason })
            return
          }
          if (issueCount > 0) return // doomed to roll back: keep reading for problems only
          const values = [...labValues(session), ...sourceValues(source, recordedAt)]
          if (!known) {
            insert.run(...values)
            inserted++
          } else if (onConflict === 'skip') {
            skipped++
          } else {
            upsert.run(...values)
            replaced++
          }
        }
      })
      if (issueCount > 0) {
        db.exec('ROLLBACK')
        return {
          status: 'rejected',
          fileName,
          issues,
          issueCount,
          conflictCount,
          warnings: summary.warnings
        }
      }
      db.exec('COMMIT')
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
