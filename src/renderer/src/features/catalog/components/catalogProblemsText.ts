import type { TFunction } from 'i18next'
import type { Output } from '@shared/ipc/contract'
import { importIssueText } from '@renderer/app/importIssueText'

type Refused = Extract<Output<'catalog.import'>, { status: 'invalid' }>

/** A refused catalog file's report as plain text, worded as its dialog shows it. */
export function catalogProblemsText(
  outcome: Refused,
  t: TFunction<'catalog'>,
  tErrors: TFunction<'errors'>
): string {
  const summary = [t(`import.problems.${outcome.kind}`, { count: outcome.totalIssues })]
  if (outcome.totalIssues > outcome.issues.length)
    summary.push(t('import.firstListed', { count: outcome.issues.length }))
  return `${[
    t('import.notImported', { fileName: outcome.fileName }),
    summary.join(' '),
    '',
    ...outcome.issues.map((issue) => importIssueText(issue, tErrors))
  ].join('\n')}\n`
}
