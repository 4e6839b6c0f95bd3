import { describe } from 'vitest'
import { useTempDir } from '../../support/tempDir'
import { describeSessionDatabase } from './asyncContract'
import { openSqliteAsAsync } from './sqliteAsAsync'

// The async contract against today's SQLite backend: what PostgreSQL is held to is SQLite's
// behaviour, case by case.
describe('SQLite backend', () => {
  const tmp = useTempDir()
  let open: { close(): Promise<void> } | undefined
  describeSessionDatabase({
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
