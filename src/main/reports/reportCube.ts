import type { LatencyScale } from '../../shared/sessions/latencyScales'
import { byName } from './byName'
import { NO_CODE, type SessionColumns } from './sessionColumns'

/**
 * Sessions grouped by every dimension the report charts (scenario × sentiment × language × RAG ×
 * interruptions × latency scale), with sums rather than means so groups add up exactly. A few
 * hundred rows at most for real data, from one pass over the filtered rows. The latency sums,
 * extremes and slow count are over the sessions whose latency counted (`latencySessions`): a
 * call with no counted turn adds to the group's sessions and to nothing of its latency.
 */
export interface CubeRow {
  scenario: string
  sentiment: string
  language: string
  ragUsed: boolean
  interruptions: number
  scale: LatencyScale
  sessions: number
  latencySessions: number
  sumP50Ms: number
  sumP95Ms: number
  /** P95 above the scale's threshold. */
  slowSessions: number
  /** Infinity / −Infinity when no session of the group has a counted latency. */
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
  readonly latencySessions: number[] = []
  readonly sumP50Ms: number[] = []
  readonly sumP95Ms: number[] = []
  readonly slowSessions: number[] = []
  readonly minP50Ms: number[] = []
  readonly maxP95Ms: number[] = []
  readonly datedSessions: number[] = []

  add(row: number): number {
    this.firstRows.push(row)
    this.sessions.push(0)
    this.latencySessions.push(0)
    this.sumP50Ms.push(0)
    this.sumP95Ms.push(0)
    this.slowSessions.push(0)
    this.minP50Ms.push(Infinity)
    this.maxP95Ms.push(-Infinity)
    this.datedSessions.push(0)
    return this.firstRows.length - 1
  }
}

/** Per row of the source column's values, 1 when its sessions are on the live scale. */
export const liveSources = (columns: SessionColumns): Uint8Array =>
  Uint8Array.from(columns.source.values, (source) => (source === 'live' ? 1 : 0))

export function reportCube(
  columns: SessionColumns,
  rows: Uint32Array,
  slowP95Ms: Readonly<Record<LatencyScale, number>>
): CubeRow[] {
  const { scenario, sentiment, language, ragUsed, interruptions, p50Ms, p95Ms, day } = columns
  const { source, latencyCounted } = columns
  const live = liveSources(columns)
  const slowBy = [slowP95Ms.imported, slowP95Ms.live]
  let maxInterruptions = 0
  for (const i of rows) maxInterruptions = Math.max(maxInterruptions, interruptions[i]!)
  // One number per group: the codes in mixed radix (far below 2^53 for any real data).
  const radix = [sentiment.values.length, language.values.length, 2, maxInterruptions + 1, 2]
  const keys = radix.reduce((product, r) => product * r, scenario.values.length)
  // Group numbers by key: an array when the keys are few (as they are for real data).
  const dense = keys <= DENSE_KEYS ? new Int32Array(keys).fill(-1) : null
  const sparse = new Map<number, number>()
  const sums = new GroupSums()
  const { sessions, latencySessions, sumP50Ms, sumP95Ms, slowSessions } = sums
  const { minP50Ms, maxP95Ms, datedSessions } = sums
  for (const i of rows) {
    const scale = live[source.codes[i]!]!
    const key =
      ((((scenario.codes[i]! * radix[0]! + sentiment.codes[i]!) * radix[1]! + language.codes[i]!) *
        radix[2]! +
        ragUsed[i]!) *
        radix[3]! +
        interruptions[i]!) *
        radix[4]! +
      scale
    let group = dense ? dense[key]! : (sparse.get(key) ?? -1)
    if (group === -1) {
      group = sums.add(i)
      if (dense) dense[key] = group
      else sparse.set(key, group)
    }
    sessions[group]! += 1
    if (day.codes[i] !== NO_CODE) datedSessions[group]! += 1
    if (latencyCounted[i] !== 1) continue
    const p50 = p50Ms[i]!
    const p95 = p95Ms[i]!
    latencySessions[group]! += 1
    sumP50Ms[group]! += p50
    sumP95Ms[group]! += p95
    if (p95 > slowBy[scale]!) slowSessions[group]! += 1
    if (p50 < minP50Ms[group]!) minP50Ms[group] = p50
    if (p95 > maxP95Ms[group]!) maxP95Ms[group] = p95
  }
  const cube = sums.firstRows.map((i, group): CubeRow => ({
    scenario: scenario.values[scenario.codes[i]!]!,
    sentiment: sentiment.values[sentiment.codes[i]!]!,
    language: language.values[language.codes[i]!]!,
    ragUsed: ragUsed[i] === 1,
    interruptions: interruptions[i]!,
    scale: live[source.codes[i]!] === 1 ? 'live' : 'imported',
    sessions: sessions[group]!,
    latencySessions: latencySessions[group]!,
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
      a.interruptions - b.interruptions ||
      byName(a.scale, b.scale)
  )
}
