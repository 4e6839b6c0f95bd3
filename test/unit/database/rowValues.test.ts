import { describe, expect, it } from 'vitest'
import { columnsOf, numberAt, RowShapeError, textAt } from '../../../src/main/database/rowValues'

describe('rowValues', () => {
  const col = columnsOf('calls')

  it('reads typed columns, 0/1 flags and NULLs', () => {
    const row = { id: 'LIVE-1', n: 3, done: 1, none: null, status: 'active' }
    expect(col.text(row, 'id')).toBe('LIVE-1')
    expect(col.number(row, 'n')).toBe(3)
    expect(col.flag(row, 'done')).toBe(true)
    expect(col.flagOrNull(row, 'none')).toBeNull()
    expect(col.textOrNull(row, 'none')).toBeNull()
    expect(col.numberOrNull(row, 'none')).toBeNull()
    expect(col.oneOf(row, 'status', ['active', 'finished'])).toBe('active')
    expect(col.oneOfOrNull(row, 'none', ['active'])).toBeNull()
    expect(textAt(['a', 2], 0, 'chunk')).toBe('a')
    expect(numberAt(['a', 2], 1, 'chunk')).toBe(2)
  })

  it('names the table and column of a value that is not what the schema says', () => {
    expect(() => col.text({ id: 7 }, 'id')).toThrow(
      new RowShapeError('calls.id: expected text, got number')
    )
    expect(() => col.number({ n: null }, 'n')).toThrow('calls.n: expected a number, got object')
    expect(() => col.text({}, 'missing')).toThrow('calls.missing: expected text, got undefined')
    expect(() => col.oneOf({ status: 'paused' }, 'status', ['active', 'finished'])).toThrow(
      'calls.status: expected active | finished'
    )
    expect(() => numberAt(['a'], 0, 'chunk')).toThrow(RowShapeError)
  })
})
