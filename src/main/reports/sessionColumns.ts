import type { DatabaseSync } from 'node:sqlite'

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

/** Rows read per statement; the caller's pause runs between chunks. */
const CHUNK_ROWS = 25_000

class Coder {
  readonly values: string[] = []
  private readonly index = new Map<string, number>()
  constructor(readonly codes: Uint32Array) {}
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

/** session_id, the text columns as one JSON array, then the numbers. */
type Row = [string, string, number, number, number, number]
type Profile = [string, string, string, string, string, string | null]

/**
 * Reads the sessions table into columns, in chunks of CHUNK_ROWS by session_id with `pause`
 * between them. The caller checks the database did not change meanwhile (see ReportQueries).
 */
export async function loadSessionColumns(
  db: DatabaseSync,
  pause: () => Promise<void>
): Promise<SessionColumns> {
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }
  // A few spare rows in case sessions arrive between the count and the last chunk.
  const capacity = n + CHUNK_ROWS
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
  // The text columns come as one JSON array per row: a few thousand distinct combinations in
  // 100k sessions, each parsed and coded once, where six strings a row took most of the read.
  const chunk = db.prepare(
    `SELECT session_id,
       json_array(scenario, sentiment, language, model, source, substr(started_at, 1, 10)),
       rag_used, interruptions, latency_p50_ms, latency_p95_ms
     FROM sessions WHERE session_id > ? ORDER BY session_id LIMIT ${CHUNK_ROWS}`
  )
  chunk.setReturnArrays(true)
  const texts = [coders.scenario, coders.sentiment, coders.language, coders.model, coders.source]
  const profiles = new Map<string, Uint32Array>()
  const profileOf = (json: string): Uint32Array => {
    let codes = profiles.get(json)
    if (!codes) {
      const values = JSON.parse(json) as Profile
      codes = Uint32Array.from(values, (value, k) => (texts[k] ?? coders.day).code(value))
      profiles.set(json, codes)
    }
    return codes
  }
  let last = ''
  for (;;) {
    const rows = chunk.all(last) as unknown as Row[]
    for (const r of rows) {
      const i = sessionIds.length
      // More rows than counted: a write landed meanwhile, and the caller reads again.
      if (i === ragUsed.length) break
      sessionIds.push(r[0])
      const codes = profileOf(r[1])
      coders.scenario.codes[i] = codes[0]!
      coders.sentiment.codes[i] = codes[1]!
      coders.language.codes[i] = codes[2]!
      coders.model.codes[i] = codes[3]!
      coders.source.codes[i] = codes[4]!
      coders.day.codes[i] = codes[5]!
      ragUsed[i] = r[2]
      interruptions[i] = r[3]
      p50Ms[i] = r[4]
      p95Ms[i] = r[5]
    }
    if (rows.length < CHUNK_ROWS || sessionIds.length === ragUsed.length) break
    last = rows[rows.length - 1]![0]
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
