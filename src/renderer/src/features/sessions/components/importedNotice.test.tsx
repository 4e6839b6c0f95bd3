import { afterEach, describe, expect, it } from 'vitest'
import { i18next } from '@renderer/i18n'
import type { ImportedOutcome } from '../hooks/useSessionImport'
import { importedNotice } from './importedNotice'

const outcome: ImportedOutcome = {
  status: 'imported',
  fileName: 'calls.csv',
  inserted: 1200,
  replaced: 2,
  skipped: 3,
  warnings: [
    {
      column: 'language',
      message: 'unknown value "de" accepted',
      count: 2,
      firstRows: [4, 9],
      code: 'unknownValueAccepted',
      params: { value: 'de' }
    }
  ]
}

const fixedT = () =>
  [i18next.getFixedT(null, 'sessions'), i18next.getFixedT(null, 'errors')] as const

describe('importedNotice', () => {
  afterEach(() => i18next.changeLanguage('en'))

  it('counts inserted and replaced sessions as imported', () => {
    expect(importedNotice(outcome, ...fixedT())).toEqual({
      message: 'Imported 1,202 sessions from calls.csv (2 replaced, 3 skipped)',
      details: ['column language: unknown value "de" accepted ×2 (rows 4, 9)']
    })
  })

  it("says it in the UI language, with that language's digit grouping", async () => {
    await i18next.changeLanguage('fr')
    const { message, details } = importedNotice(outcome, ...fixedT())
    // French groups thousands with a narrow no-break space.
    expect(message).toBe(
      '1\u202f202 sessions importées depuis calls.csv (2 remplacées, 3 ignorées)'
    )
    expect(details).toEqual([
      'colonne language\u00a0: valeur inconnue «\u00a0de\u00a0» acceptée ×2 (lignes 4, 9)'
    ])
  })
})
