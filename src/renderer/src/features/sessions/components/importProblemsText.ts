import type { TFunction } from 'i18next'
import { importIssueText, importWarningText } from '@renderer/app/importIssueText'
import type { RejectedOutcome } from '../hooks/useSessionImport'

/**
 * A refused file's report as plain text, worded as the dialog shows it: what happened, the
 * problems one a line (and how many were not listed), then the warnings.
 */
export function importProblemsText(
  outcome: RejectedOutcome,
  t: TFunction<'sessions'>,
  tErrors: TFunction<'errors'>,
  tCommon: TFunction
): string {
  const { fileName, issues, issueCount, conflictCount, warnings } = outcome
  const onlyConflicts = conflictCount > 0 && conflictCount === issueCount
  const lines = [
    t('importResult.title', { fileName }),
    onlyConflicts
      ? t('importResult.conflicts', { count: conflictCount })
      : t('importResult.problems', { count: issueCount }),
    '',
    ...issues.map((issue) => importIssueText(issue, tErrors))
  ]
  if (issueCount > issues.length)
    lines.push(t('importResult.more', { count: issueCount - issues.length }))
  if (warnings.length > 0)
    lines.push(
      '',
      tCommon('problemList.warnings'),
      ...warnings.map((w) => importWarningText(w, tErrors))
    )
  return `${lines.join('\n')}\n`
}
