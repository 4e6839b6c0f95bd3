import { describe } from 'vitest'
import { describeSessionDatabase } from './asyncContract'
import { sqliteBackend } from './databaseBackends'

// The async contract against today's SQLite backend: what PostgreSQL is held to is SQLite's
// behaviour, case by case.
describe('SQLite backend', () => {
  describeSessionDatabase(sqliteBackend())
})
