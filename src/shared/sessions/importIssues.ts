import type { ImportIssueCode, ImportWarningCode, IssueParams } from './importIssueCodes'

/** One reason a file cannot be imported, located like a spreadsheet: header = row 1. */
export interface ImportIssue {
  row: number
  column: string
  /** In English, for logs and the CLI; the UI says `code` in its language when it knows it. */
  reason: string
  code?: ImportIssueCode
  params?: IssueParams
}

/** Something accepted but worth a look (unknown value, ignored column), grouped by kind. */
export interface ImportWarning {
  column: string
  message: string
  count: number
  firstRows: number[]
  code?: ImportWarningCode
  params?: IssueParams
}

export const formatIssue = (issue: ImportIssue): string =>
  `row ${issue.row}, column ${issue.column}: ${issue.reason}`

export const formatWarning = (warning: ImportWarning): string => {
  const rows = warning.firstRows.length
    ? ` (rows ${warning.firstRows.join(', ')}${warning.count > warning.firstRows.length ? ', …' : ''})`
    : ''
  const times = warning.count > 1 ? ` ×${warning.count}` : ''
  return `column ${warning.column}: ${warning.message}${times}${rows}`
}

/** Distinct unknown values listed one by one per column; the rest share one warning. */
export const MAX_UNKNOWN_VALUES_LISTED = 5

/**
 * Groups repeated warnings so a million unknown values stay readable: one line per distinct
 * value for the first MAX_UNKNOWN_VALUES_LISTED of a column, then one line for all others.
 */
export class WarningCollector {
  private readonly byKey = new Map<string, ImportWarning>()
  private readonly unknownValuesListed = new Map<string, number>()

  add(
    column: string,
    message: string,
    row: number | undefined,
    code: ImportWarningCode,
    params?: IssueParams
  ): void {
    let key = `${column}\u0000${message}`
    let warning = this.byKey.get(key)
    if (!warning && code === 'unknownValueAccepted') {
      const listed = this.unknownValuesListed.get(column) ?? 0
      if (listed >= MAX_UNKNOWN_VALUES_LISTED) {
        message = 'other unknown values accepted'
        code = 'otherUnknownValuesAccepted'
        params = undefined
        key = `${column}\u0000${message}`
        warning = this.byKey.get(key)
      } else this.unknownValuesListed.set(column, listed + 1)
    }
    if (!warning) {
      warning = { column, message, count: 0, firstRows: [], code, ...(params && { params }) }
      this.byKey.set(key, warning)
    }
    warning.count++
    if (row !== undefined && warning.firstRows.length < 5) warning.firstRows.push(row)
  }

  list(): ImportWarning[] {
    return [...this.byKey.values()]
  }
}

/**
 * The issues shown to the user: the `limit` with the lowest rows, whatever order they were
 * found in (a worker reports parse problems in batches, the database conflicts at once).
 */
export class LowestRowIssues {
  private items: ImportIssue[] = []

  constructor(private readonly limit: number) {}

  add(issue: ImportIssue): void {
    this.items.push(issue)
    if (this.items.length >= this.limit * 2) this.trim()
  }

  list(): ImportIssue[] {
    this.trim()
    return [...this.items]
  }

  private trim(): void {
    this.items.sort((a, b) => a.row - b.row) // stable: a row's issues keep their column order
    if (this.items.length > this.limit) this.items.length = this.limit
  }
}
