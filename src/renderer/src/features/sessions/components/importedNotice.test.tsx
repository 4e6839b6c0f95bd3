import { describe, expect, it } from 'vitest'
import { importedNotice } from './importedNotice'

describe('importedNotice', () => {
  it('counts inserted and replaced sessions as imported', () => {
    expect(
      importedNotice({
        status: 'imported',
        fileName: 'calls.csv',
        inserted: 10,
        replaced: 2,
        skipped: 3,
        warnings: [
          {
            column: 'language',
            message: 'unknown value "de" accepted',
            count: 2,
            firstRows: [4, 9]
          }
        ]
      })
    ).toEqual({
      message: 'Imported 12 sessions from calls.csv (2 replaced, 3 skipped)',
      details: ['column language: unknown value "de" accepted ×2 (rows 4, 9)']
    })
  })
})
