import type { TFunction } from 'i18next'
import { formatWarning } from '@shared/sessions/importIssues'
import type { ImportedOutcome } from '../hooks/useSessionImport'
import type { Notice } from './SessionsNotice'

/**
 * "Imported 12 sessions from calls.csv (3 replaced, 0 skipped)", plus any warnings (main's
 * warnings stay in English).
 */
export function importedNotice(outcome: ImportedOutcome, t: TFunction<'sessions'>): Notice {
  return {
    message: t('screen.imported', {
      count: outcome.inserted + outcome.replaced,
      fileName: outcome.fileName,
      replaced: outcome.replaced,
      skipped: outcome.skipped
    }),
    details: outcome.warnings.map(formatWarning)
  }
}
