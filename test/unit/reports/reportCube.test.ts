import { describe, expect, it } from 'vitest'
import { reportCube, type CubeRow } from '../../../src/main/reports/reportCube'
import { NO_CODE, type SessionColumns } from '../../../src/main/reports/sessionColumns'
import { IdStrings } from '../../../src/main/reports/sessionIds'
import { latencyScaleOf, type LatencyScale } from '../../../src/shared/sessions/latencyScales'

type Thresholds = Readonly<Record<LatencyScale, number>>

// The cube groups the rows by scenario × sentiment × language × RAG × interruptions, whether
// its group keys are few (looked up in an array) or many (in a Map): both as a plain grouping.

function random(seed: number): () => number {
  let state = seed
  return () => (state = (state * 48271) % 2147483647) / 2147483647
}

const coded = (values: string[], codes: number[]) => ({ values, codes: Uint32Array.from(codes) })

/** Generated columns; `interruptionsUpTo` sets how many group keys there can be. */
function columnsOf(size: number, interruptionsUpTo: number): SessionColumns {
  const next = random(size + interruptionsUpTo)
  const pick = (n: number): number[] => Array.from({ length: size }, () => Math.floor(next() * n))
  const p50 = Array.from({ length: size }, () => Math.round(next() * 4000) / 10)
  return {
    size,
    sessionIds: new IdStrings(Array.from({ length: size }, (_, i) => `S${i}`)),
    scenario: coded(['faq', 'complaint', 'order_status'], pick(3)),
    sentiment: coded(['negative', 'neutral', 'positive'], pick(3)),
    language: coded(['en', 'es', 'fr'], pick(3)),
    model: coded(['m'], pick(1)),
    source: coded(['import', 'live'], pick(2)),
    day: coded(
      ['2025-01-01', '2025-01-02'],
      pick(3).map((c) => (c === 2 ? NO_CODE : c))
    ),
    ragUsed: Uint8Array.from(pick(2)),
    interruptions: Float64Array.from(pick(4).map((k) => [0, 1, 2, interruptionsUpTo][k]!)),
    p50Ms: Float64Array.from(p50),
    p95Ms: Float64Array.from(p50, (p) => p + Math.round(next() * 8000) / 10),
    // One session in ten had no counted turn.
    latencyCounted: Uint8Array.from(pick(10), (k) => (k === 0 ? 0 : 1)),
    liveEngine: new Uint8Array(10)
  }
}

/** The same figures by a plain grouping on a text key. */
function grouped(columns: SessionColumns, rows: Uint32Array, slow: Thresholds): CubeRow[] {
  const groups = new Map<string, CubeRow>()
  for (const i of rows) {
    const row = {
      scenario: columns.scenario.values[columns.scenario.codes[i]!]!,
      sentiment: columns.sentiment.values[columns.sentiment.codes[i]!]!,
      language: columns.language.values[columns.language.codes[i]!]!,
      ragUsed: columns.ragUsed[i] === 1,
      interruptions: columns.interruptions[i]!,
      scale: latencyScaleOf(columns.source.values[columns.source.codes[i]!]!)
    }
    const key = JSON.stringify(row)
    const p50 = columns.p50Ms[i]!
    const p95 = columns.p95Ms[i]!
    const group: CubeRow = groups.get(key) ?? {
      ...row,
      sessions: 0,
      latencySessions: 0,
      sumP50Ms: 0,
      sumP95Ms: 0,
      slowSessions: 0,
      minP50Ms: Infinity,
      maxP95Ms: -Infinity,
      datedSessions: 0
    }
    group.sessions++
    if (columns.day.codes[i] !== NO_CODE) group.datedSessions++
    groups.set(key, group)
    if (columns.latencyCounted[i] === 0) continue
    group.latencySessions++
    group.sumP50Ms += p50
    group.sumP95Ms += p95
    if (p95 > slow[row.scale]) group.slowSessions++
    group.minP50Ms = Math.min(group.minP50Ms, p50)
    group.maxP95Ms = Math.max(group.maxP95Ms, p95)
  }
  return [...groups.values()]
}

const byGroup = (a: CubeRow, b: CubeRow): number =>
  JSON.stringify([a.scenario, a.sentiment, a.language, a.ragUsed, a.interruptions, a.scale]) <
  JSON.stringify([b.scenario, b.sentiment, b.language, b.ragUsed, b.interruptions, b.scale])
    ? -1
    : 1

describe('reportCube', () => {
  for (const [what, upTo] of [
    ['few group keys (an array)', 3],
    ['many group keys (a Map)', 5_000_000]
  ] as const)
    it(`groups the rows as a plain grouping does, with ${what}`, () => {
      const columns = columnsOf(5_000, upTo)
      const rows = Uint32Array.from({ length: columns.size }, (_, i) => i).filter(
        (i) => i % 4 !== 1
      )
      const slow = { imported: 500, live: 700 }
      const cube = reportCube(columns, rows, slow)
      expect(cube.length).toBeGreaterThan(100)
      expect([...cube].sort(byGroup)).toEqual(grouped(columns, rows, slow).sort(byGroup))
      // The sessions with no counted turn are counted as sessions, never as latency.
      const sum = (f: (g: CubeRow) => number): number => cube.reduce((a, g) => a + f(g), 0)
      const untimed = rows.filter((i) => columns.latencyCounted[i] === 0).length
      expect(untimed).toBeGreaterThan(0)
      expect(sum((g) => g.sessions) - sum((g) => g.latencySessions)).toBe(untimed)
      // In the order SQL's GROUP BY gave: scenario, sentiment, language, RAG, interruptions.
      const order = cube.map((g) => [g.scenario, g.sentiment, g.language, Number(g.ragUsed)])
      expect(order).toEqual(
        [...order].sort((a, b) =>
          a.join('\0') < b.join('\0') ? -1 : a.join('\0') > b.join('\0') ? 1 : 0
        )
      )
    })
})
