import { describe } from 'vitest'
import { describeSessionImport } from './asyncImportContract'
import { sqliteBackend } from './databaseBackends'

// The import contract against today's SQLite import (SqliteSessionImport), the reference.
describe('SQLite import', () => {
  describeSessionImport(sqliteBackend())
})
