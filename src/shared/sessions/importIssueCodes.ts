/**
 * What each import problem is, for the UI to say in its own language; the English `reason`
 * beside it stays for logs, the CLI and tests. Params hold the values the sentence needs:
 * numbers as numbers (the UI formats them), cell text and ids as strings, already made safe to
 * show by echoCell (control characters spelled out, cut after 60 characters).
 */
export const IMPORT_ISSUE_CODES = [
  // Lab CSV (sessions)
  'missingColumn',
  'duplicateColumn',
  'fieldCount',
  'emptyValue',
  'notANumber',
  'numberTooLarge',
  'negativeNumber',
  'notWholeNumber',
  'p95BelowP50',
  'notABoolean',
  'duplicateIdInFile',
  'idInDatabase',
  'idOfRecordedCall',
  'emptyFile',
  'unterminatedQuote',
  'malformedQuote',
  'unreadableCsv',
  'cellTooLong',
  'rowTooLong',
  'utf16WithoutBom',
  // Catalog sources: the schemas name the problem without the cell's text
  'catalogNotANumber',
  'catalogNegative',
  'catalogNotABoolean',
  'catalogNotWholeNumber',
  'catalogAtLeastOne',
  'catalogRatingAbove5',
  'catalogRatingBelow0',
  'catalogNotADate',
  'catalogDuplicateOfRow',
  'catalogTooFewFields',
  'catalogTooManyFields',
  'catalogFileTooLarge',
  'catalogNotJson',
  'catalogKnowledgeNeedsJson',
  'catalogExpectedArray',
  'catalogNotAnObject',
  'catalogExpectedScalar'
] as const
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number]

export const IMPORT_WARNING_CODES = [
  'extraColumnIgnored',
  'extraColumnsIgnored',
  'unknownValueAccepted',
  'otherUnknownValuesAccepted'
] as const
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number]

export type IssueParams = Record<string, string | number>

/** Papa Parse's error codes for broken quoting, the only CSV errors a fixed delimiter leaves. */
export function csvErrorCode(papaCode: string | undefined): ImportIssueCode {
  if (papaCode === 'MissingQuotes') return 'unterminatedQuote'
  if (papaCode === 'InvalidQuotes') return 'malformedQuote'
  return 'unreadableCsv'
}
