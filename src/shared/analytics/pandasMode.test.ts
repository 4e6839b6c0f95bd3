import { describe, expect, it } from 'vitest'
import { pandasMode } from './pandasMode'

describe('pandasMode', () => {
  it('returns the most frequent value', () => {
    expect(
      pandasMode(
        new Map([
          ['neutral', 1],
          ['positive', 3],
          ['negative', 2]
        ])
      )
    ).toBe('positive')
  })
  it('breaks ties like pandas: first in sorted order, whatever the insertion order', () => {
    expect(
      pandasMode(
        new Map([
          ['positive', 2],
          ['negative', 2]
        ])
      )
    ).toBe('negative')
    expect(
      pandasMode(
        new Map([
          ['neutral', 1],
          ['negative', 1],
          ['positive', 1]
        ])
      )
    ).toBe('negative')
  })
  it('returns undefined for no values', () => {
    expect(pandasMode(new Map())).toBeUndefined()
  })
})
