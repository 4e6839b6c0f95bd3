import { describe } from 'vitest'
import { useTempDir } from '../../support/tempDir'
import { describeSessionImport } from './asyncImportContract'
import { openSqliteAsAsync } from './sqliteAsAsync'

// The import contract against today's SQLite import (SqliteSessionImport), the reference.
describe('SQLite import', () => {
  const tmp = useTempDir()
  let open: { close(): Promise<void> } | undefined
  describeSessionImport({
    name: 'SQLite',
    open: async () => {
      const db = openSqliteAsAsync(tmp.path())
      open = db
      return db
    },
    close: async () => {
      await open?.close()
      open = undefined
    }
  })
})
