import { ImportIssue, WarningCollector } from './importIssues'
import {
  INTEGER_COLUMNS,
  KNOWN_VALUES,
  LAB_COLUMNS,
  LabColumn,
  LabSession,
  NUMERIC_COLUMNS
} from './labSchema'
import { parseBoolean } from './parseBoolean'

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const HEADER_ROW = 1

export type RowResult = { ok: true; session: LabSession } | { ok: false; issues: ImportIssue[] }

/**
 * Validates CSV records against the lab's schema. Columns may come in any order; extra columns
 * are ignored with a warning. Rows are numbered as in a spreadsheet (header = row 1).
 */
export class LabRowValidator {
  readonly headerIssues: ImportIssue[] = []
  private readonly index = new Map<LabColumn, number>()
  private readonly headerLength: number

  constructor(
    header: readonly string[],
    private readonly warnings: WarningCollector
  ) {
    this.headerLength = header.length
    const seen = new Set<string>()
    header.forEach((raw, position) => {
      const name = raw.trim()
      if (seen.has(name)) {
        this.headerIssues.push({ row: HEADER_ROW, column: name, reason: 'duplicate column' })
        return
      }
      seen.add(name)
      if ((LAB_COLUMNS as readonly string[]).includes(name))
        this.index.set(name as LabColumn, position)
      else warnings.add(name || `#${position + 1}`, 'extra column ignored')
    })
    for (const column of LAB_COLUMNS) {
      if (!this.index.has(column))
        this.headerIssues.push({ row: HEADER_ROW, column, reason: 'missing column' })
    }
  }

  validate(record: readonly string[], row: number): RowResult {
    const issues: ImportIssue[] = []
    if (record.length !== this.headerLength) {
      issues.push({
        row,
        column: '*',
        reason: `has ${record.length} fields, the header has ${this.headerLength}`
      })
    }
    const text = (column: LabColumn): string => (record[this.index.get(column) ?? -1] ?? '').trim()
    const required = (column: LabColumn): string => {
      const value = text(column)
      if (value === '') issues.push({ row, column, reason: 'empty value' })
      return value
    }
    const number = (column: LabColumn): number => {
      const raw = text(column)
      if (raw === '') {
        issues.push({ row, column, reason: 'empty value' })
        return NaN
      }
      if (!NUMBER_PATTERN.test(raw)) {
        issues.push({ row, column, reason: `not a number: "${raw}"` })
        return NaN
      }
      const value = Number(raw)
      if (value < 0) issues.push({ row, column, reason: `negative value: ${raw}` })
      else if (INTEGER_COLUMNS.includes(column) && !Number.isInteger(value))
        issues.push({ row, column, reason: `not a whole number: ${raw}` })
      return value
    }
    const known = (column: LabColumn, value: string): string => {
      const allowed = KNOWN_VALUES[column]
      if (value !== '' && allowed && !allowed.includes(value))
        this.warnings.add(column, `unknown value "${value}" accepted`, row)
      return value
    }

    const session_id = required('session_id')
    const scenario = known('scenario', required('scenario'))
    const numbers = Object.fromEntries(NUMERIC_COLUMNS.map((c) => [c, number(c)])) as Record<
      (typeof NUMERIC_COLUMNS)[number],
      number
    >
    if (numbers.latency_p95_ms < numbers.latency_p50_ms) {
      issues.push({
        row,
        column: 'latency_p95_ms',
        reason: `P95 (${numbers.latency_p95_ms}) is below P50 (${numbers.latency_p50_ms})`
      })
    }
    const sentiment = known('sentiment', required('sentiment'))
    const model = required('model')
    const ragRaw = required('rag_used')
    const rag_used = parseBoolean(ragRaw)
    if (ragRaw !== '' && rag_used === undefined)
      issues.push({ row, column: 'rag_used', reason: `not a boolean: "${ragRaw}"` })
    const language = known('language', required('language'))

    if (issues.length > 0) return { ok: false, issues }
    return {
      ok: true,
      session: {
        session_id,
        scenario,
        ...numbers,
        sentiment,
        model,
        rag_used: rag_used === true,
        language
      }
    }
  }
}
