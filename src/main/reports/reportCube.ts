import { byName } from './byName'
import { NO_CODE, type SessionColumns } from './sessionColumns'

/**
 * Sessions grouped by every dimension the report charts (scenario × sentiment × language × RAG ×
 * interruptions), with sums rather than means so groups add up exactly. A few hundred rows at
 * most for real data, from one pass over the filtered rows.
 */
export interface CubeRow {
  scenario: string
  sentiment: string
  language: string
  ragUsed: boolean
  interruptions: number
  sessions: number
  sumP50Ms: number
  sumP95Ms: number
  slowSessions: number
  minP50Ms: number
  maxP95Ms: number
  datedSessions: number
}

export function reportCube(
  columns: SessionColumns,
  rows: Uint32Array,
  slowP95Ms: number
): CubeRow[] {
  const { scenario, sentiment, language, ragUsed, interruptions, p50Ms, p95Ms, day } = columns
  let maxInterruptions = 0
  for (const i of rows) maxInterruptions = Math.max(maxInterruptions, interruptions[i]!)
  // One number per group: the codes in mixed radix (far below 2^53 for any real data).
  const radix = [sentiment.values.length, language.values.length, 2, maxInterruptions + 1]
  const groups = new Map<number, CubeRow>()
  for (const i of rows) {
    const key =
      (((scenario.codes[i]! * radix[0]! + sentiment.codes[i]!) * radix[1]! + language.codes[i]!) *
        radix[2]! +
        ragUsed[i]!) *
        radix[3]! +
      interruptions[i]!
    const p50 = p50Ms[i]!
    const p95 = p95Ms[i]!
    let group = groups.get(key)
    if (!group) {
      group = {
        scenario: scenario.values[scenario.codes[i]!]!,
        sentiment: sentiment.values[sentiment.codes[i]!]!,
        language: language.values[language.codes[i]!]!,
        ragUsed: ragUsed[i] === 1,
        interruptions: interruptions[i]!,
        sessions: 0,
        sumP50Ms: 0,
        sumP95Ms: 0,
        slowSessions: 0,
        minP50Ms: p50,
        maxP95Ms: p95,
        datedSessions: 0
      }
      groups.set(key, group)
    }
    group.sessions += 1
    group.sumP50Ms += p50
    group.sumP95Ms += p95
    if (p95 > slowP95Ms) group.slowSessions += 1
    if (p50 < group.minP50Ms) group.minP50Ms = p50
    if (p95 > group.maxP95Ms) group.maxP95Ms = p95
    if (day.codes[i] !== NO_CODE) group.datedSessions += 1
  }
  // The order SQL's GROUP BY gave, so every consumer sees the same sequence as before.
  return [...groups.values()].sort(
    (a, b) =>
      byName(a.scenario, b.scenario) ||
      byName(a.sentiment, b.sentiment) ||
      byName(a.language, b.language) ||
      Number(a.ragUsed) - Number(b.ragUsed) ||
      a.interruptions - b.interruptions
  )
}
