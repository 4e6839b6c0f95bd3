import { formatWarning } from '@shared/sessions/importIssues'
import type { ImportedOutcome } from '../hooks/useSessionImport'
import type { Notice } from './SessionsNotice'
import { pluralize } from './formatFigure'

/** "Imported 12 sessions from calls.csv (3 replaced, 0 skipped)", plus any warnings. */
export function importedNotice(outcome: ImportedOutcome): Notice {
  const written = outcome.inserted + outcome.replaced
  return {
    message: `Imported ${pluralize(written, 'session')} from ${outcome.fileName} (${outcome.replaced} replaced, ${outcome.skipped} skipped)`,
    details: outcome.warnings.map(formatWarning)
  }
}
