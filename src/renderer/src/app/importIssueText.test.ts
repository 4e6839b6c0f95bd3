import { afterEach, describe, expect, it } from 'vitest'
import { IMPORT_ISSUE_CODES, IMPORT_WARNING_CODES } from '@shared/sessions/importIssueCodes'
import {
  formatIssue,
  formatWarning,
  WarningCollector,
  type ImportIssue
} from '@shared/sessions/importIssues'
import { LabRowValidator } from '@shared/sessions/labRowValidator'
import { LAB_COLUMNS } from '@shared/sessions/labSchema'
import { i18next } from '@renderer/i18n'
import { en } from '@renderer/i18n/resources'
import { importIssueText, importWarningText } from './importIssueText'

// Main's English stays the source: the UI's English wording of every coded problem must be
// exactly main's, and Spanish and French must word every one of them.

const HEADER = [...LAB_COLUMNS, 'notes']
const BAD_ROWS = [
  'S1,,45,85,170,1,8,positive,m,true,en', // empty scenario
  'S2,faq,abc,85,170,1,8,positive,m,true,en', // not a number
  'S3,faq,45,-5,170,1,8,positive,m,true,en', // negative
  'S4,faq,45,85,170,1.5,8,positive,m,true,en', // fractional count
  'S5,faq,1e999,85,170,1,8,positive,m,true,en', // too large
  'S6,faq,45,185,170.5,1,8,positive,m,maybe,en', // P95 < P50, not a boolean
  'S7,faq,45,85,170,1,8,positive,m,true', // a field short
  'S8,demo,45,85,170,1,8,angry,m,true,de' // unknown values: warnings only
]
// Found by readLabCsv and SessionImporter, as their tests show them.
const FROM_READER: ImportIssue[] = [
  {
    row: 3,
    column: 'session_id',
    reason: 'duplicate session_id "S01" in the file',
    code: 'duplicateIdInFile',
    params: { id: 'S01' }
  },
  { row: 1, column: '*', reason: 'the file is empty (no header row)', code: 'emptyFile' },
  {
    row: 2,
    column: '*',
    reason: 'unreadable CSV: Quoted field unterminated',
    code: 'unterminatedQuote',
    params: { detail: 'Quoted field unterminated' }
  },
  {
    row: 2,
    column: '*',
    reason: 'unreadable CSV: Trailing quote on quoted field is malformed',
    code: 'malformedQuote',
    params: { detail: 'Trailing quote on quoted field is malformed' }
  },
  {
    row: 2,
    column: 'model',
    reason: 'cell of 40000 characters, over the 32767-character limit',
    code: 'cellTooLong',
    params: { length: 40000, limit: 32767 }
  },
  {
    row: 2,
    column: '*',
    reason:
      'row longer than 4194304 characters (an unclosed quote or a huge cell?); reading stopped here',
    code: 'rowTooLong',
    params: { limit: 4194304 }
  },
  {
    row: 1,
    column: '*',
    reason:
      'the header holds NUL characters: the file looks like UTF-16 without a byte-order mark; save it as "CSV UTF-8"',
    code: 'utf16WithoutBom'
  },
  {
    row: 2,
    column: '*',
    reason: 'unreadable CSV: something else',
    code: 'unreadableCsv',
    params: { detail: 'something else' }
  },
  {
    row: 2,
    column: 'session_id',
    reason: 'session_id "S01" is already in the database',
    code: 'idInDatabase',
    params: { id: 'S01' }
  },
  {
    row: 3,
    column: 'session_id',
    reason: 'session_id "LIVE-20261125-100000-aaaa" belongs to a recorded call',
    code: 'idOfRecordedCall',
    params: { id: 'LIVE-20261125-100000-aaaa' }
  }
]

function validated() {
  const warnings = new WarningCollector()
  const validator = new LabRowValidator(HEADER, warnings)
  const issues: ImportIssue[] = []
  BAD_ROWS.forEach((row, index) => validator.validate(`${row},x`.split(','), index + 2, issues))
  for (const header of [LAB_COLUMNS.filter((c) => c !== 'turns'), [...LAB_COLUMNS, 'scenario']])
    issues.push(...new LabRowValidator(header, new WarningCollector()).headerIssues)
  return { issues: [...issues, ...FROM_READER], warnings: warnings.list() }
}

describe('import problems in the UI language', () => {
  afterEach(() => i18next.changeLanguage('en'))
  const { issues, warnings } = validated()

  it('has a sentence for every code main can send, and every lab CSV one is exercised here', () => {
    expect(Object.keys(en.errors.importIssue.reason).sort()).toEqual([...IMPORT_ISSUE_CODES].sort())
    expect(Object.keys(en.errors.importWarning.message).sort()).toEqual(
      [...IMPORT_WARNING_CODES].sort()
    )
    const seen = new Set(issues.map((issue) => issue.code))
    expect(
      IMPORT_ISSUE_CODES.filter((code) => !code.startsWith('catalog') && !seen.has(code))
    ).toEqual([])
  })

  it("words every lab CSV problem in English exactly as main's reason", () => {
    const english = i18next.getFixedT('en', 'errors')
    for (const issue of issues) expect(importIssueText(issue, english)).toBe(formatIssue(issue))
    expect(warnings.map((w) => w.code)).toEqual([
      'extraColumnIgnored',
      'unknownValueAccepted',
      'unknownValueAccepted',
      'unknownValueAccepted',
      'unknownValueAccepted'
    ])
    for (const warning of warnings)
      expect(importWarningText(warning, english)).toBe(formatWarning(warning))
  })

  it('words every one of them in Spanish and French, keeping the data as it is', async () => {
    for (const language of ['es', 'fr']) {
      await i18next.changeLanguage(language)
      const t = i18next.getFixedT(null, 'errors')
      for (const issue of issues) {
        const text = importIssueText(issue, t)
        expect(text, `${language} ${issue.code}`).not.toContain(issue.reason)
        // Cell text and ids are data, shown as they are (Papa's English detail is not).
        for (const [name, value] of Object.entries(issue.params ?? {}))
          if (name !== 'detail' && typeof value === 'string') expect(text).toContain(value)
      }
    }
  })

  it('formats numbers in the UI language and uses its plurals', async () => {
    await i18next.changeLanguage('es')
    const es = i18next.getFixedT(null, 'errors')
    const p95 = issues.find((i) => i.code === 'p95BelowP50')!
    expect(importIssueText(p95, es)).toBe(
      'fila 7, columna latency_p95_ms: P95 (170,5) es menor que P50 (185)'
    )
    expect(warnings.map((w) => importWarningText(w, es))).toEqual([
      'columna notes: columna adicional ignorada',
      'columna language: valor desconocido «x» aceptado (fila 8)',
      'columna scenario: valor desconocido «demo» aceptado (fila 9)',
      'columna sentiment: valor desconocido «angry» aceptado (fila 9)',
      'columna language: valor desconocido «de» aceptado (fila 9)'
    ])
    const repeated = { ...warnings[4]!, count: 7, firstRows: [2, 3, 4, 5, 6] }
    await i18next.changeLanguage('fr')
    expect(importWarningText(repeated, i18next.getFixedT(null, 'errors'))).toBe(
      'colonne language\u00a0: valeur inconnue «\u00a0de\u00a0» acceptée ×7 (lignes 2, 3, 4, 5, 6, …)'
    )
  })

  it("falls back to main's English reason for a code it does not know", async () => {
    await i18next.changeLanguage('fr')
    const future = { row: 1234, column: 'x', reason: 'something new', code: 'notYetKnown' }
    expect(
      importIssueText(future as unknown as ImportIssue, i18next.getFixedT(null, 'errors'))
    ).toBe('ligne 1234, colonne x\u00a0: something new')
  })
})
