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
  private rows = new Uint32Array(1024)
  private count = 0
  private readonly scenarios = new SmallCodes()
  private readonly sentiments = new SmallCodes()
  private readonly durations = new ExactNumbers()
  private readonly p95s = new ExactNumbers()
  private readonly interruptions = new ExactNumbers()
  /** Which tables list the row: one bit each. */
  private readonly tables = new SmallCodes()

  get length(): number {
    return this.count
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

  /** The listed rows whose tables include `bit`, in row order, written into `rows` (as many). */
  withTable(bit: number, rows: Uint32Array): Uint32Array {
    let n = 0
    for (let i = 0; i < this.count; i++) if ((this.tables.get(i) & bit) !== 0) rows[n++] = i
    return rows
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
