import { describe } from 'vitest'
import { sqliteBackend } from './databaseBackends'
import { describeSessionMarks } from './sessionMarksContract'

describe('SQLite backend', () => {
  describeSessionMarks(sqliteBackend())
})
