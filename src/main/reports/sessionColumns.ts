import type { ReportReads, SessionColumnsPart } from '../database/SessionDatabase'
import { joinedIds, type SessionIds } from './sessionIds'

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
  sessionIds: SessionIds
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
  /**
   * 1 when the session's latency counted, 0 when its call counted no turn (its stored 0 ms
   * stands for "none"): latency figures leave those rows out; p50Ms/p95Ms keep the stored 0 so
   * Sessions pages and sorts as the database does.
   */
  latencyCounted: Uint8Array
  /** 1 when the session's call ran on GPT-Live (calls.onLiveEngine), for the engine filter. */
  liveEngine: Uint8Array
}

/** Marks the rows of these sessions (calls.onLiveEngine) as GPT-Live calls. */
export function markLiveEngine(columns: SessionColumns, sessionIds: readonly string[]): void {
  if (sessionIds.length === 0) return
  const among = columns.sessionIds.among(sessionIds)
  for (let i = 0; i < columns.size; i++) if (among[i] === 1) columns.liveEngine[i] = 1
}

/** Marks the rows of these sessions (calls.withoutCountedTurn) as counting no latency. */
export function markWithoutCountedTurn(
  columns: SessionColumns,
  sessionIds: readonly string[]
): void {
  if (sessionIds.length === 0) return
  const among = columns.sessionIds.among(sessionIds)
  for (let i = 0; i < columns.size; i++) if (among[i] === 1) columns.latencyCounted[i] = 0
}

/** Rows per block of the arrays while reading (the total is not known before the read). */
const BLOCK_ROWS = 65_536

/** Scenario, sentiment, language, model, source, day: the profile's fields, in its order. */
const PROFILE_FIELDS = 6

/** Each distinct text of a column, numbered in the order first met. */
class Coder {
  readonly values: string[] = []
  private readonly index = new Map<string, number>()
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
}

/** A JSON array of texts (or NULLs) from the database's profile column. */
function profileValues(json: string): (string | null)[] {
  const parsed: unknown = JSON.parse(json)
  if (!Array.isArray(parsed)) throw new Error('sessions (report columns): expected a JSON array')
  return parsed.map((value) => (value === null ? null : String(value)))
}

/** The columns' numbers for one block of rows, filled in order. */
class Block {
  readonly codes: Uint32Array[]
  readonly ragUsed: Uint8Array
  readonly interruptions: Float64Array
  readonly p50Ms: Float64Array
  readonly p95Ms: Float64Array
  constructor(readonly capacity: number) {
    this.codes = Array.from({ length: PROFILE_FIELDS }, () => new Uint32Array(capacity))
    this.ragUsed = new Uint8Array(capacity)
    this.interruptions = new Float64Array(capacity)
    this.p50Ms = new Float64Array(capacity)
    this.p95Ms = new Float64Array(capacity)
  }
}

/** The blocks' first `size` rows as one array (the block itself when it is one, mostly full). */
function joined<T extends Uint8Array | Uint32Array | Float64Array>(
  parts: T[],
  capacities: number[],
  size: number
): T {
  // A block at most half empty is kept; one estimated far too big is let go.
  if (parts.length === 1 && size * 2 >= capacities[0]!) return parts[0]!.subarray(0, size) as T
  const all = new (parts[0]!.constructor as new (length: number) => T)(size)
  let at = 0
  for (const [k, part] of parts.entries()) {
    const rows = Math.min(capacities[k]!, size - at)
    all.set(part.subarray(0, rows), at)
    at += rows
  }
  return all
}

/** `values` in `order` (row indices, each once). */
function gathered<T extends Uint8Array | Uint32Array | Float64Array>(
  values: T,
  order: Uint32Array
): T {
  const out = new (values.constructor as new (length: number) => T)(order.length)
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!
  return out
}

/**
 * Reads every session's report columns, in session_id order, with `pause` between the parts
 * the backend reads (ReportReads.sessionColumns). The caller checks the database did not change
 * meanwhile (see ReportQueries). The first block is sized for the sessions expected (the last
 * read's size, or the backend's estimate), so the read usually fills one block, kept as it is;
 * otherwise the blocks are copied into arrays of the final size once at the end (doubling them
 * as they filled, or joining 16 blocks, cost 100–200 ms of fresh memory at 1M sessions). A
 * read the backend made in another order (PostgreSQL's table as it lies) is put in id order
 * here, every column gathered by the order the backend found.
 * `blockRows`: the size of the blocks after the first (tests make it small).
 */
export async function loadSessionColumns(
  reads: ReportReads,
  pause: () => Promise<void>,
  lastRows = 0,
  blockRows = BLOCK_ROWS
): Promise<SessionColumns> {
  const expected = Math.max(lastRows, await reads.estimatedSessions())
  const coders = [
    new Coder(),
    new Coder(),
    new Coder(),
    new Coder(),
    new Coder(),
    new Coder()
  ] as const
  const blocks: Block[] = []
  // Room for a few more sessions than expected: an estimate may be a little behind.
  let block = new Block(Math.max(blockRows, expected + (expected >> 6)))
  blocks.push(block)
  let at = 0
  let visited = 0
  // The text columns come as one JSON array per row: a few thousand distinct combinations in
  // a million sessions, each parsed and coded once.
  const profiles = new Map<string, Uint32Array>()
  const profileOf = (json: string): Uint32Array => {
    let codes = profiles.get(json)
    if (!codes) {
      const values = profileValues(json)
      if (values.length !== PROFILE_FIELDS)
        throw new Error(`sessions (report columns): expected ${PROFILE_FIELDS} profile values`)
      codes = Uint32Array.from(values, (value, k) => coders[k]!.code(value))
      profiles.set(json, codes)
    }
    return codes
  }
  const visit = (
    profile: string,
    rag: number,
    interruptionCount: number,
    p50: number,
    p95: number
  ): void => {
    if (at === block.capacity) {
      block = new Block(blockRows)
      blocks.push(block)
      at = 0
    }
    const codes = profileOf(profile)
    for (let k = 0; k < PROFILE_FIELDS; k++) block.codes[k]![at] = codes[k]!
    block.ragUsed[at] = rag
    block.interruptions[at] = interruptionCount
    block.p50Ms[at] = p50
    block.p95Ms[at] = p95
    at++
    visited++
  }
  const parts: SessionColumnsPart[] = []
  let idCount = 0
  for await (const part of reads.sessionColumns(visit, expected)) {
    parts.push(part)
    idCount += part.ids.size
    if (idCount !== visited)
      throw new Error('sessions (report columns): rows visited and ids read differ')
    await pause()
  }
  // A part read in another order than the ids' (PostgreSQL's table as it lies) is the only one.
  const order = parts.length === 1 ? parts[0]!.order : null
  if (!order && parts.some((part) => part.order))
    throw new Error('sessions (report columns): a part out of id order among others')
  const ids = joinedIds(parts.map((part) => part.ids))
  const sessionIds = order ? ids.permuted(order) : ids
  const size = visited
  const capacities = blocks.map((b) => b.capacity)
  // Column by column with a pause between: joining (or gathering) them all at once held main's
  // thread for the copy of every column (50 MB of fresh memory at 1M sessions).
  const join = async <T extends Uint8Array | Uint32Array | Float64Array>(
    part: (b: Block) => T
  ): Promise<T> => {
    if (blocks.length === 1 && !order && size * 2 >= capacities[0]!)
      return joined([part(block)], capacities, size)
    await pause()
    const all = joined(blocks.map(part), capacities, size)
    return order ? gathered(all, order) : all
  }
  const coded = async (k: number): Promise<CodedColumn> => ({
    values: coders[k]!.values,
    codes: await join((b) => b.codes[k]!)
  })
  return {
    size,
    sessionIds,
    scenario: await coded(0),
    sentiment: await coded(1),
    language: await coded(2),
    model: await coded(3),
    source: await coded(4),
    day: await coded(5),
    ragUsed: await join((b) => b.ragUsed),
    interruptions: await join((b) => b.interruptions),
    p50Ms: await join((b) => b.p50Ms),
    p95Ms: await join((b) => b.p95Ms),
    // Every row counts until markWithoutCountedTurn says otherwise.
    latencyCounted: new Uint8Array(size).fill(1),
    // Realtime until markLiveEngine says otherwise (seed and imported sessions count as Realtime).
    liveEngine: new Uint8Array(size)
  }
}
