import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import { ImportIssue, ImportWarning, WarningCollector } from '../../shared/sessions/importIssues'
import { LabRowValidator } from '../../shared/sessions/labRowValidator'
import type { LabSession } from '../../shared/sessions/labSchema'

export interface LabCsvVisitor {
  /** A valid row; called in file order. */
  session(session: LabSession, row: number): void
  /** A reason the file cannot be used; reading goes on to find them all. */
  issue(issue: ImportIssue): void
}

export interface LabCsvSummary {
  rows: number
  validRows: number
  issueCount: number
  warnings: ImportWarning[]
}

/**
 * Streams a CSV in the lab's schema: BOM, CRLF, quoted fields, any column order. Memory stays
 * bounded apart from the set of ids used to find duplicates within the file.
 */
export async function readLabCsv(
  source: string | Readable,
  visitor: LabCsvVisitor
): Promise<LabCsvSummary> {
  const input = typeof source === 'string' ? createReadStream(source) : source
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true })
  // pipe() does not forward a read error (missing file, disk error): pass it on, so reading
  // fails instead of waiting forever, and keep it apart from malformed CSV.
  let readError: Error | undefined
  input.on('error', (error: Error) => {
    readError = error
    parser.destroy(error)
  })
  input.pipe(parser)
  const warnings = new WarningCollector()
  const seenIds = new Set<string>()
  let validator: LabRowValidator | undefined
  let row = 0
  let validRows = 0
  let issueCount = 0
  const report = (issue: ImportIssue): void => {
    issueCount++
    visitor.issue(issue)
  }

  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++
      if (!validator) {
        validator = new LabRowValidator(record, warnings)
        validator.headerIssues.forEach(report)
        if (validator.headerIssues.length > 0) break // rows cannot be read without their columns
        continue
      }
      const result = validator.validate(record, row)
      if (!result.ok) {
        result.issues.forEach(report)
        continue
      }
      const id = result.session.session_id
      if (seenIds.has(id)) {
        report({ row, column: 'session_id', reason: `duplicate session_id "${id}" in the file` })
        continue
      }
      seenIds.add(id)
      validRows++
      visitor.session(result.session, row)
    }
  } catch (error) {
    if (readError) throw readError
    report({ row: row + 1, column: '*', reason: `unreadable CSV: ${(error as Error).message}` })
  } finally {
    input.destroy()
  }
  if (!validator) report({ row: 1, column: '*', reason: 'the file is empty (no header row)' })
  return { rows: Math.max(0, row - 1), validRows, issueCount, warnings: warnings.list() }
}
