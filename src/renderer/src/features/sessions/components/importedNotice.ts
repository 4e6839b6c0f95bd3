import type { TFunction } from 'i18next'
import { importWarningText } from '@renderer/app/importIssueText'
import type { ImportedOutcome } from '../hooks/useSessionImport'
import type { Notice } from './SessionsNotice'

/** "Imported 12 sessions from calls.csv (3 replaced, 0 skipped)", plus any warnings. */
export function importedNotice(
  outcome: ImportedOutcome,
  t: TFunction<'sessions'>,
  tErrors: TFunction<'errors'>
): Notice {
  return {
    message: t('screen.imported', {
      count: outcome.inserted + outcome.replaced,
      fileName: outcome.fileName,
      replaced: outcome.replaced,
      skipped: outcome.skipped
    }),
    details: outcome.warnings.map((warning) => importWarningText(warning, tErrors))
  }
}
