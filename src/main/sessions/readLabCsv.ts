import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import Papa from 'papaparse'
import { CompactIdSet } from '../../shared/collections/CompactIdSet'
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

const BOM = '\uFEFF'

/**
 * Streams a CSV in the lab's schema: BOM, CRLF, quoted fields, any column order. Papa Parse
 * reads it in chunks (about three times faster than csv-parse here, measured on 1M rows).
 * Memory stays bounded apart from the ids kept to find duplicates (about 20 bytes each).
 */
export function readLabCsv(
  source: string | Readable,
  visitor: LabCsvVisitor
): Promise<LabCsvSummary> {
  const input =
    typeof source === 'string'
      ? createReadStream(source, { encoding: 'utf8', highWaterMark: 1 << 18 })
      : source
  input.setEncoding('utf8')
  const warnings = new WarningCollector()
  const seenIds = new CompactIdSet()
  let validator: LabRowValidator | undefined
  let stopped = false
  let row = 0
  let validRows = 0
  let issueCount = 0
  const rowIssues: ImportIssue[] = []
  const report = (issue: ImportIssue): void => {
    issueCount++
    visitor.issue(issue)
  }

  const take = (record: string[], parser: Papa.Parser): void => {
    row++
    if (!validator) {
      if (record[0]?.startsWith(BOM)) record[0] = record[0].slice(1)
      validator = new LabRowValidator(record, warnings)
      validator.headerIssues.forEach(report)
      if (validator.headerIssues.length > 0) {
        stopped = true // rows cannot be read without their columns
        parser.abort()
      }
      return
    }
    const session = validator.validate(record, row, rowIssues)
    if (session === null) {
      rowIssues.forEach(report)
      rowIssues.length = 0
      return
    }
    const id = session.session_id
    if (!seenIds.add(id)) {
      report({ row, column: 'session_id', reason: `duplicate session_id "${id}" in the file` })
      return
    }
    validRows++
    visitor.session(session, row)
  }

  return new Promise((resolve, reject) => {
    let readError: Error | undefined
    input.on('error', (error: Error) => {
      readError = error
      reject(error)
    })
    Papa.parse<string[]>(input as unknown as File, {
      delimiter: ',', // the lab's schema; no guessing on one-column or empty files
      skipEmptyLines: true,
      chunk: (results, parser) => {
        const firstRow = row + 1
        try {
          for (const error of results.errors) {
            // Papa counts rows from 0 within the chunk; ours are spreadsheet rows (header = 1).
            report({
              row: firstRow + (error.row ?? 0),
              column: '*',
              reason: `unreadable CSV: ${error.message}`
            })
          }
          for (const record of results.data) {
            if (stopped) break
            take(record, parser)
          }
        } catch (error) {
          parser.abort()
          reject(error)
        }
      },
      complete: () => {
        input.destroy()
        if (readError) return
        if (!validator) report({ row: 1, column: '*', reason: 'the file is empty (no header row)' })
        resolve({ rows: Math.max(0, row - 1), validRows, issueCount, warnings: warnings.list() })
      }
    })
  })
}
