import { describe } from 'vitest'
import { skipWithoutPostgres, usePostgres } from '../../../support/postgres'
import { describeSessionDatabase } from '../asyncContract'

// The async contract against a real PostgreSQL: one scratch server for the file, a fresh
// database per test.
describe.skipIf(skipWithoutPostgres)('PostgreSQL backend', () => {
  const pg = usePostgres()
  describeSessionDatabase({ name: 'PostgreSQL', open: () => pg.open(), close: async () => {} })
})
