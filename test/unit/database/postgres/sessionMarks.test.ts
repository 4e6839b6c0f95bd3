import { describe } from 'vitest'
import { skipWithoutPostgres, usePostgres } from '../../../support/postgres'
import { describeSessionMarks } from '../sessionMarksContract'

// The Sessions marks' contract against a real PostgreSQL: a fresh database per test.
describe.skipIf(skipWithoutPostgres)('PostgreSQL backend', () => {
  const pg = usePostgres()
  describeSessionMarks({ name: 'PostgreSQL', open: () => pg.open(), close: async () => {} })
})
