import { describe, expect, it } from 'vitest'
import { figureRows, formatTable, meets, spread } from '../../../tools/bench/teamBench/figureTable'

describe('spread', () => {
  it('gives the median, min and max, the middle two averaged for an even count', () => {
    expect(spread([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30 })
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 })
    expect(spread([7])).toEqual({ median: 7, min: 7, max: 7 })
    expect(
      figureRows([{ name: 'once', unit: 'ms', samples: [7], target: { atMost: 10 } }])[0]![1]
    ).toBe('7 ms (7–7, 1 run)')
  })

  it('refuses a figure without samples', () => {
    expect(() => spread([])).toThrow(/at least one sample/)
  })
})

describe('meets', () => {
  it('holds a time to at most its target and a throughput to at least its own', () => {
    expect(meets(100, { atMost: 100 })).toBe(true)
    expect(meets(100.1, { atMost: 100 })).toBe(false)
    expect(meets(300_000, { atLeast: 300_000 })).toBe(true)
    expect(meets(299_999, { atLeast: 300_000 })).toBe(false)
  })

  it('fails a figure that was not measured (NaN)', () => {
    expect(meets(NaN, { atMost: 1_000 })).toBe(false)
  })
})

describe('figureRows and formatTable', () => {
  const rows = figureRows([
    {
      name: 'Import by COPY',
      unit: 'rows/s',
      samples: [310_000, 290_000, 350_000],
      target: { atLeast: 300_000 }
    },
    {
      name: 'Sessions: first page',
      unit: 'ms',
      samples: [120.25, 80.5],
      target: { atMost: 100 },
      digits: 1
    }
  ])

  it('judges each figure by its median, with min–max and the runs', () => {
    expect(rows).toEqual([
      ['Import by COPY', '310,000 rows/s (290,000–350,000, 3 runs)', '≥ 300,000 rows/s', 'pass'],
      ['Sessions: first page', '100.4 ms (80.5–120.3, 2 runs)', '≤ 100 ms', 'FAIL']
    ])
  })

  it('pads every column to its widest cell under a rule', () => {
    const lines = formatTable(['figure', 'measured', 'target', ''], rows).split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toMatch(/^-+ {2}-+ {2}-+ {2}-+$/)
    const targetAt = lines[0]!.indexOf('target')
    expect(lines[2]!.indexOf('≥ 300,000')).toBe(targetAt)
    expect(lines[3]!.indexOf('≤ 100 ms')).toBe(targetAt)
  })
})
