import type { ReportReads } from '../database/SessionDatabase'

/** Code of a row whose value is NULL (an undated session's day). */
export const NO_CODE = 0xffffffff

/** A text column stored once per distinct value: each row holds its value's index. */
export interface CodedColumn {
  values: string[]
  codes: Uint32Array
}

/**
 * The columns the Reports screen reads, for every session in session_id order, held in typed
 * arrays (about 100 bytes a session: 10 MB at 100k). Filtering and aggregating 100k sessions
 * here takes a few milliseconds, where each SQL pass over the table took 30–250 ms.
 */
export interface SessionColumns {
  size: number
  sessionIds: string[]
  scenario: CodedColumn
  sentiment: CodedColumn
  language: CodedColumn
  model: CodedColumn
  source: CodedColumn
  /** UTC day of started_at (its first 10 characters); NO_CODE when undated. */
  day: CodedColumn
  ragUsed: Uint8Array
  interruptions: Float64Array
  p50Ms: Float64Array
  p95Ms: Float64Array
}

/**
 * Rows read per statement; the caller's pause runs between chunks. Small enough that a live
 * call's append waiting behind one chunk stays well under 100 ms after a big import (npm run
 * bench:import-live); keyset chunks cost the same per row whatever their size.
 */
const CHUNK_ROWS = 8_000

class Coder {
  readonly values: string[] = []
  private readonly index = new Map<string, number>()
  constructor(public codes: Uint32Array) {}
  code(value: string | null): number {
    if (value === null) return NO_CODE
    let code = this.index.get(value)
    if (code === undefined) {
      code = this.values.length
      this.values.push(value)
      this.index.set(value, code)
    }
    return code
  }
  column(size: number): CodedColumn {
    return { values: this.values, codes: this.codes.subarray(0, size) }
  }
}

/** A JSON array of texts (or NULLs) from the database's profile column. */
function profileValues(json: string): (string | null)[] {
  const parsed: unknown = JSON.parse(json)
  if (!Array.isArray(parsed)) throw new Error('sessions (report columns): expected a JSON array')
  return parsed.map((value) => (value === null ? null : String(value)))
}

/** A typed array twice as long, holding `from`'s values. */
function doubled<T extends Uint8Array | Uint32Array | Float64Array>(from: T): T {
  const to = new (from.constructor as new (length: number) => T)(from.length * 2)
  to.set(from)
  return to
}

/**
 * Reads every session's report columns, in chunks of CHUNK_ROWS by session_id with `pause`
 * between them. The caller checks the database did not change meanwhile (see ReportQueries).
 * `expectedRows` (the last read's size) only sizes the arrays, which grow as needed: counting
 * the table first was one uninterrupted pass of ~100 ms at 1M sessions right after an import.
 */
export async function loadSessionColumns(
  reads: ReportReads,
  pause: () => Promise<void>,
  expectedRows = 0
): Promise<SessionColumns> {
  let capacity = Math.max(CHUNK_ROWS, expectedRows + CHUNK_ROWS)
  const sessionIds: string[] = []
  const coders = {
    scenario: new Coder(new Uint32Array(capacity)),
    sentiment: new Coder(new Uint32Array(capacity)),
    language: new Coder(new Uint32Array(capacity)),
    model: new Coder(new Uint32Array(capacity)),
    source: new Coder(new Uint32Array(capacity)),
    day: new Coder(new Uint32Array(capacity))
  }
  let ragUsed = new Uint8Array(capacity)
  let interruptions = new Float64Array(capacity)
  let p50Ms = new Float64Array(capacity)
  let p95Ms = new Float64Array(capacity)
  const grow = (): void => {
    capacity *= 2
    for (const coder of Object.values(coders)) coder.codes = doubled(coder.codes)
    ragUsed = doubled(ragUsed)
    interruptions = doubled(interruptions)
    p50Ms = doubled(p50Ms)
    p95Ms = doubled(p95Ms)
  }
  // The text columns come as one JSON array per row: a few thousand distinct combinations in
  // 100k sessions, each parsed and coded once.
  const texts = [coders.scenario, coders.sentiment, coders.language, coders.model, coders.source]
  const profiles = new Map<string, Uint32Array>()
  const profileOf = (json: string): Uint32Array => {
    let codes = profiles.get(json)
    if (!codes) {
      const values = profileValues(json)
      codes = Uint32Array.from(values, (value, k) => (texts[k] ?? coders.day).code(value))
      profiles.set(json, codes)
    }
    return codes
  }
  const visit = (
    sessionId: string,
    profile: string,
    rag: number,
    interruptionCount: number,
    p50: number,
    p95: number
  ): void => {
    const i = sessionIds.length
    if (i === capacity) grow()
    sessionIds.push(sessionId)
    const codes = profileOf(profile)
    coders.scenario.codes[i] = codes[0]!
    coders.sentiment.codes[i] = codes[1]!
    coders.language.codes[i] = codes[2]!
    coders.model.codes[i] = codes[3]!
    coders.source.codes[i] = codes[4]!
    coders.day.codes[i] = codes[5]!
    ragUsed[i] = rag
    interruptions[i] = interruptionCount
    p50Ms[i] = p50
    p95Ms[i] = p95
  }
  let last = ''
  for (;;) {
    const chunk = await reads.sessionColumns(last, CHUNK_ROWS, visit)
    if (chunk.rows < CHUNK_ROWS) break
    last = chunk.lastId
    await pause()
  }
  const size = sessionIds.length
  ragUsed = ragUsed.subarray(0, size)
  interruptions = interruptions.subarray(0, size)
  p50Ms = p50Ms.subarray(0, size)
  p95Ms = p95Ms.subarray(0, size)
  return {
    size,
    sessionIds,
    scenario: coders.scenario.column(size),
    sentiment: coders.sentiment.column(size),
    language: coders.language.column(size),
    model: coders.model.column(size),
    source: coders.source.column(size),
    day: coders.day.column(size),
    ragUsed,
    interruptions,
    p50Ms,
    p95Ms
  }
}
