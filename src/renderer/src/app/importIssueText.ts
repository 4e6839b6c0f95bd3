import type { TFunction } from 'i18next'
import { plainNumber } from '@renderer/i18n'
import { en } from '@renderer/i18n/resources'
import type { IssueParams } from '@shared/sessions/importIssueCodes'
import type { ImportIssue, ImportWarning } from '@shared/sessions/importIssues'

type Errors = TFunction<'errors'>
type ReasonCode = keyof typeof en.errors.importIssue.reason
type WarningCode = keyof typeof en.errors.importWarning.message

const knows = <T extends object>(
  table: T,
  code: string | undefined
): code is Extract<keyof T, string> => code !== undefined && Object.hasOwn(table, code)

// Numbers ungrouped: rows, field counts and latencies read like the file's own figures (a
// spreadsheet does not group row numbers), and English stays as main words it.
const formatted = (params: IssueParams | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? plainNumber(v) : v])
  )

/** "row 12, column turns: empty value" in the UI language; main's English for unknown codes. */
export function importIssueText(issue: ImportIssue, t: Errors): string {
  const reason = knows(en.errors.importIssue.reason, issue.code)
    ? t(`importIssue.reason.${issue.code as ReasonCode}`, { replace: formatted(issue.params) })
    : issue.reason
  return t('importIssue.line', { row: plainNumber(issue.row), column: issue.column, reason })
}

/** "column language: unknown value "de" accepted ×3 (rows 4, 9, …)" in the UI language. */
export function importWarningText(warning: ImportWarning, t: Errors): string {
  const message = knows(en.errors.importWarning.message, warning.code)
    ? t(`importWarning.message.${warning.code as WarningCode}`, {
        replace: formatted(warning.params)
      })
    : warning.message
  const parts = [t('importWarning.line', { column: warning.column, message })]
  if (warning.count > 1) parts.push(t('importWarning.times', { times: plainNumber(warning.count) }))
  if (warning.firstRows.length > 0) {
    const more = warning.count > warning.firstRows.length ? ', …' : ''
    parts.push(
      t('importWarning.rows', {
        rows: warning.firstRows.map((row) => plainNumber(row)).join(', ') + more,
        count: warning.count
      })
    )
  }
  return parts.join(' ')
}
