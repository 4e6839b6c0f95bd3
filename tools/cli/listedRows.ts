import { growTypedArray } from '../../src/shared/collections/growTypedArray'

type NumberArray = Uint8Array | Uint16Array | Float32Array | Float64Array
type NumberArrayType = new (n: number) => NumberArray

/** The narrowest of Uint8, Uint16, Float32, Float64 that holds `value` exactly (-0 too). */
function levelOf(value: number): number {
  if (Number.isInteger(value) && value >= 0 && !Object.is(value, -0)) {
    if (value <= 0xff) return 0
    if (value <= 0xffff) return 1
  }
  return Math.fround(value) === value || Number.isNaN(value) ? 2 : 3
}
const LEVELS: NumberArrayType[] = [Uint8Array, Uint16Array, Float32Array, Float64Array]

/**
 * Numbers in the narrowest typed array that holds every one so far exactly (counts and
 * milliseconds fit in one or two bytes); widened, all values copied, when one does not fit.
 */
export class ExactNumbers {
  private level = 0
  private values: NumberArray = new Uint8Array(1024)

  static fromTransfer(values: NumberArray): ExactNumbers {
    const numbers = new ExactNumbers()
    numbers.values = values
    numbers.level = LEVELS.findIndex((type) => values instanceof type)
    return numbers
  }

  /** The array, to post to another thread (moved there: this may not be used after). */
  toTransfer(): NumberArray {
    return this.values
  }

  get(i: number): number {
    return this.values[i]!
  }

  set(i: number, value: number): void {
    if (i >= this.values.length) this.resize(i + 1)
    const level = levelOf(value)
    if (level > this.level) {
      this.level = level
      const wide = new LEVELS[level]!(this.values.length)
      wide.set(this.values)
      this.values = wide
    }
    this.values[i] = value
  }

  /** At least `atLeast` slots: exactly that many if `exactly` (a reservation), else doubling. */
  resize(atLeast: number, exactly = false): void {
    if (atLeast <= this.values.length) return
    let length = exactly ? atLeast : this.values.length * 2
    while (length < atLeast) length *= 2
    const next = new LEVELS[this.level]!(length)
    next.set(this.values)
    this.values = next
  }
}

/** Small codes in a Uint8Array, moved to a Uint16Array past 255. */
class SmallCodes {
  private values: Uint8Array | Uint16Array = new Uint8Array(1024)

  static fromTransfer(values: Uint8Array | Uint16Array): SmallCodes {
    const codes = new SmallCodes()
    codes.values = values
    return codes
  }

  toTransfer(): Uint8Array | Uint16Array {
    return this.values
  }

  get(i: number): number {
    return this.values[i]!
  }

  set(i: number, code: number): void {
    if (i >= this.values.length || (code > 0xff && this.values instanceof Uint8Array))
      this.resize(i + 1, code > 0xff)
    this.values[i] = code
  }

  resize(atLeast: number, wide = false): void {
    let length = this.values.length
    while (length < atLeast) length *= 2
    const next =
      wide || this.values instanceof Uint16Array ? new Uint16Array(length) : new Uint8Array(length)
    next.set(this.values)
    this.values = next
  }
}

/**
 * The fields the report's tables show, kept only for the rows some table lists (about 60% of
 * a pilot-shaped file), each column in the narrowest typed array that holds it exactly. With the ids this is what bounds the CLI's memory (see labReportColumns.ts).
 */
export class ListedRows {
  private readonly scenarios: SmallCodes
  private readonly sentiments: SmallCodes
  private readonly durations: ExactNumbers
  private readonly p95s: ExactNumbers
  private readonly interruptions: ExactNumbers
  /** Which tables list the row: one bit each. */
  private readonly tables: SmallCodes

  constructor(
    private rows = new Uint32Array(1024),
    private count = 0,
    columns = {
      scenarios: new SmallCodes(),
      sentiments: new SmallCodes(),
      durations: new ExactNumbers(),
      p95s: new ExactNumbers(),
      interruptions: new ExactNumbers(),
      tables: new SmallCodes()
    }
  ) {
    this.scenarios = columns.scenarios
    this.sentiments = columns.sentiments
    this.durations = columns.durations
    this.p95s = columns.p95s
    this.interruptions = columns.interruptions
    this.tables = columns.tables
  }

  get length(): number {
    return this.count
  }

  static fromTransfer(transfer: ListedRowsTransfer): ListedRows {
    const listed = new ListedRows(transfer.rows, transfer.count, {
      scenarios: SmallCodes.fromTransfer(transfer.scenarios),
      sentiments: SmallCodes.fromTransfer(transfer.sentiments),
      durations: ExactNumbers.fromTransfer(transfer.durations),
      p95s: ExactNumbers.fromTransfer(transfer.p95s),
      interruptions: ExactNumbers.fromTransfer(transfer.interruptions),
      tables: SmallCodes.fromTransfer(transfer.tables)
    })
    return listed
  }

  /** The arrays, to post to another thread (moved there: this may not be used after). */
  toTransfer(): ListedRowsTransfer {
    return {
      rows: this.rows,
      count: this.count,
      scenarios: this.scenarios.toTransfer(),
      sentiments: this.sentiments.toTransfer(),
      durations: this.durations.toTransfer(),
      p95s: this.p95s.toTransfer(),
      interruptions: this.interruptions.toTransfer(),
      tables: this.tables.toTransfer()
    }
  }

  /** Room for `more` listed rows, allocated once. */
  reserve(more: number): void {
    const total = this.count + more
    if (total <= this.rows.length) return
    const rows = new Uint32Array(total)
    rows.set(this.rows.subarray(0, this.count))
    this.rows = rows
    this.scenarios.resize(total)
    this.sentiments.resize(total)
    this.durations.resize(total, true)
    this.p95s.resize(total, true)
    this.interruptions.resize(total, true)
    this.tables.resize(total)
  }

  /** Keeps a listed row's fields; returns its index here. */
  push(
    row: number,
    scenario: number,
    sentiment: number,
    duration: number,
    p95: number,
    interruptions: number,
    tables: number
  ): number {
    const i = this.count++
    if (i >= this.rows.length) this.rows = growTypedArray(this.rows, i + 1)
    this.rows[i] = row
    this.scenarios.set(i, scenario)
    this.sentiments.set(i, sentiment)
    this.durations.set(i, duration)
    this.p95s.set(i, p95)
    this.interruptions.set(i, interruptions)
    this.tables.set(i, tables)
    return i
  }

  /**
   * The listed rows whose tables include `bit`, in row order, plus `offset`, written into `into`
   * from `at`; returns where the next would go.
   */
  withTable(bit: number, into: Uint32Array, at = 0, offset = 0): number {
    let n = at
    for (let i = 0; i < this.count; i++)
      if ((this.tables.get(i) & bit) !== 0) into[n++] = i + offset
    return n
  }

  /** The first listed row from `from` on whose tables include `bit` (length if none). */
  nextWithTable(bit: number, from: number): number {
    let i = from
    while (i < this.count && (this.tables.get(i) & bit) === 0) i++
    return i
  }

  row(i: number): number {
    return this.rows[i]!
  }
  scenario(i: number): number {
    return this.scenarios.get(i)
  }
  sentiment(i: number): number {
    return this.sentiments.get(i)
  }
  duration(i: number): number {
    return this.durations.get(i)
  }
  p95(i: number): number {
    return this.p95s.get(i)
  }
  interruptionCount(i: number): number {
    return this.interruptions.get(i)
  }
}

/** ListedRows' arrays, as posted between threads. */
export interface ListedRowsTransfer {
  rows: Uint32Array<ArrayBuffer>
  count: number
  scenarios: Uint8Array | Uint16Array
  sentiments: Uint8Array | Uint16Array
  durations: NumberArray
  p95s: NumberArray
  interruptions: NumberArray
  tables: Uint8Array | Uint16Array
}
