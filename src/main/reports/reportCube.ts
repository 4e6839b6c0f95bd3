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

/** Group keys up to this many are looked up in an array, not a Map (a third of the time). */
const DENSE_KEYS = 1 << 20

/** Each group's sums, by group number, in the order the groups were met. */
class GroupSums {
  readonly firstRows: number[] = []
  readonly sessions: number[] = []
  readonly sumP50Ms: number[] = []
  readonly sumP95Ms: number[] = []
  readonly slowSessions: number[] = []
  readonly minP50Ms: number[] = []
  readonly maxP95Ms: number[] = []
  readonly datedSessions: number[] = []

  add(row: number, p50Ms: number, p95Ms: number): number {
    this.firstRows.push(row)
    this.sessions.push(0)
    this.sumP50Ms.push(0)
    this.sumP95Ms.push(0)
    this.slowSessions.push(0)
    this.minP50Ms.push(p50Ms)
    this.maxP95Ms.push(p95Ms)
    this.datedSessions.push(0)
    return this.firstRows.length - 1
  }
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
  const keys = radix.reduce((product, r) => product * r, scenario.values.length)
  // Group numbers by key: an array when the keys are few (as they are for real data).
  const dense = keys <= DENSE_KEYS ? new Int32Array(keys).fill(-1) : null
  const sparse = new Map<number, number>()
  const sums = new GroupSums()
  const { sessions, sumP50Ms, sumP95Ms, slowSessions, minP50Ms, maxP95Ms, datedSessions } = sums
  for (const i of rows) {
    const key =
      (((scenario.codes[i]! * radix[0]! + sentiment.codes[i]!) * radix[1]! + language.codes[i]!) *
        radix[2]! +
        ragUsed[i]!) *
        radix[3]! +
      interruptions[i]!
    const p50 = p50Ms[i]!
    const p95 = p95Ms[i]!
    let group = dense ? dense[key]! : (sparse.get(key) ?? -1)
    if (group === -1) {
      group = sums.add(i, p50, p95)
      if (dense) dense[key] = group
      else sparse.set(key, group)
    }
    sessions[group]! += 1
    sumP50Ms[group]! += p50
    sumP95Ms[group]! += p95
    if (p95 > slowP95Ms) slowSessions[group]! += 1
    if (p50 < minP50Ms[group]!) minP50Ms[group] = p50
    if (p95 > maxP95Ms[group]!) maxP95Ms[group] = p95
    if (day.codes[i] !== NO_CODE) datedSessions[group]! += 1
  }
  const cube = sums.firstRows.map((i, group): CubeRow => ({
    scenario: scenario.values[scenario.codes[i]!]!,
    sentiment: sentiment.values[sentiment.codes[i]!]!,
    language: language.values[language.codes[i]!]!,
    ragUsed: ragUsed[i] === 1,
    interruptions: interruptions[i]!,
    sessions: sessions[group]!,
    sumP50Ms: sumP50Ms[group]!,
    sumP95Ms: sumP95Ms[group]!,
    slowSessions: slowSessions[group]!,
    minP50Ms: minP50Ms[group]!,
    maxP95Ms: maxP95Ms[group]!,
    datedSessions: datedSessions[group]!
  }))
  // The order SQL's GROUP BY gave, so every consumer sees the same sequence as before.
  return cube.sort(
    (a, b) =>
      byName(a.scenario, b.scenario) ||
      byName(a.sentiment, b.sentiment) ||
      byName(a.language, b.language) ||
      Number(a.ragUsed) - Number(b.ragUsed) ||
      a.interruptions - b.interruptions
  )
}
