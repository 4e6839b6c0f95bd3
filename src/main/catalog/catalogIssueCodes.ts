import type { ImportIssueCode, IssueParams } from '../../shared/sessions/importIssueCodes'
import type { ImportIssue } from '../../shared/sessions/importIssues'

// The catalog's validators (catalogSchemas' zod messages, loadCatalogSources, Papa Parse) say
// each problem in fixed English; this names the ones the UI can say in its own language (a
// code's English text in the UI is the reason itself, so Papa's quote errors, worded apart
// from the lab CSV's, keep their English).
// catalogIssueCodes.test.ts feeds real bad files through them, so a reworded reason fails it.

const BY_REASON = new Map<string, ImportIssueCode>(
  Object.entries({
    'missing column': 'missingColumn',
    'empty value': 'emptyValue',
    'not a number': 'catalogNotANumber',
    'negative value': 'catalogNegative',
    'not a boolean (true/false, 1/0, yes/no)': 'catalogNotABoolean',
    'not a whole number': 'catalogNotWholeNumber',
    'must be at least 1': 'catalogAtLeastOne',
    'rating above 5': 'catalogRatingAbove5',
    'Too small: expected number to be >=0': 'catalogRatingBelow0',
    'not a date (YYYY-MM-DD)': 'catalogNotADate'
  })
)

const BY_PATTERN: [RegExp, ImportIssueCode, (match: RegExpExecArray) => IssueParams][] = [
  [/^duplicate of row (\d+)$/, 'catalogDuplicateOfRow', (m) => ({ row: Number(m[1]) })],
  [
    /^Too few fields: expected (\d+) fields but parsed (\d+)$/,
    'catalogTooFewFields',
    (m) => ({ expected: Number(m[1]), parsed: Number(m[2]) })
  ],
  [
    /^Too many fields: expected (\d+) fields but parsed (\d+)$/,
    'catalogTooManyFields',
    (m) => ({ expected: Number(m[1]), parsed: Number(m[2]) })
  ]
]

/** The issue with its code and params when its reason is one the UI knows; as it is if not. */
export function withCatalogCode(issue: ImportIssue): ImportIssue {
  if (issue.code) return issue
  const code = BY_REASON.get(issue.reason)
  if (code) return { ...issue, code }
  for (const [pattern, patternCode, params] of BY_PATTERN) {
    const match = pattern.exec(issue.reason)
    if (match) return { ...issue, code: patternCode, params: params(match) }
  }
  return issue
}
