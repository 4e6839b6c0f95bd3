import { basename } from 'node:path'
import type { ImportOutcome } from '../../shared/sessions/importOutcome'
import { ImportIssue, LowestRowIssues } from '../../shared/sessions/importIssues'
import type { BeginImport, SessionImport } from '../database/SessionDatabase'
import type { ImportRequest } from './labCsvWorkerData'
import type { LabCsvReader } from './readLabCsvInWorker'

/** Issues listed back to the user; the count covers them all. */
export const MAX_LISTED_ISSUES = 500

/**
 * One all-or-nothing import on the calling thread (the app runs it on a worker: importInWorker).
 * The whole file is read and staged first; only then is the database's write lock taken, to
 * check the ids and write them in one short transaction. Any problem rejects the file, and every
 * problem is reported: the file's own, ids already stored, ids of recorded calls.
 */
export async function importSessionsFile(
  request: ImportRequest,
  read: LabCsvReader,
  begin: BeginImport
): Promise<ImportOutcome> {
  const issues = new LowestRowIssues(MAX_LISTED_ISSUES)
  let issueCount = 0
  let conflictCount = 0
  const record = (issue: ImportIssue): void => {
    issueCount++
    issues.add(issue)
  }
  const batch: SessionImport = await begin({
    policy: request.onConflict,
    source: request.source,
    recordedAt: request.recordedAt,
    seat: request.seat ?? null,
    onConflict: (id, row, takenBy) => {
      if (takenBy === 'call') {
        // Never replaced, never taken: the call's session, turns and events belong together.
        record({
          row,
          column: 'session_id',
          reason: `session_id "${id}" belongs to a recorded call`,
          code: 'idOfRecordedCall',
          params: { id }
        })
        return
      }
      conflictCount++
      record({
        row,
        column: 'session_id',
        reason: `session_id "${id}" is already in the database`,
        code: 'idInDatabase',
        params: { id }
      })
    }
  })
  const rejected = (warnings: ImportOutcome['warnings']): ImportOutcome => ({
    status: 'rejected',
    fileName: basename(request.path),
    issues: issues.list(),
    issueCount,
    conflictCount,
    warnings
  })
  const writer = batch.sessions
  try {
    const summary = await read(request.path, {
      issue: record,
      session: (session, row) => writer.add(session, row),
      sessions: (packed) => writer.addBatch(packed),
      restart: () => writer.restart()
    })
    await writer.flush()
    if (issueCount > 0) {
      await batch.reportConflicts() // listed with the file's problems, without the write lock
      return rejected(summary.warnings)
    }
    if (!(await batch.commit())) return rejected(summary.warnings)
    const { inserted, replaced, skipped } = writer
    return {
      status: 'imported',
      fileName: basename(request.path),
      inserted,
      replaced,
      skipped,
      warnings: summary.warnings
    }
  } finally {
    await batch.close()
  }
}
