import { describe, expect, it } from 'vitest'
import { orderBy } from '../../../../src/main/database/postgres/sessionWhere'

describe('orderBy (PostgreSQL)', () => {
  it('sorts by the key alone, in either direction: the primary key gives that order', () => {
    expect(orderBy({ column: 'session_id', direction: 'asc' })).toBe(' ORDER BY session_id ASC')
    expect(orderBy({ column: 'session_id', direction: 'desc' })).toBe(' ORDER BY session_id DESC')
  })

  it('sorts a column that holds no NULL without a NULLS clause, ties by id', () => {
    expect(orderBy({ column: 'latency_p95_ms', direction: 'desc' })).toBe(
      ' ORDER BY latency_p95_ms DESC, session_id ASC'
    )
    expect(orderBy({ column: 'source', direction: 'asc' })).toBe(
      ' ORDER BY source ASC, session_id ASC'
    )
  })

  it('puts NULLs lowest, as SQLite does, in a column that may hold them', () => {
    expect(orderBy({ column: 'started_at', direction: 'asc' })).toBe(
      ' ORDER BY started_at ASC NULLS FIRST, session_id ASC'
    )
    expect(orderBy({ column: 'cost_usd', direction: 'desc' })).toBe(
      ' ORDER BY cost_usd DESC NULLS LAST, session_id ASC'
    )
  })
})
