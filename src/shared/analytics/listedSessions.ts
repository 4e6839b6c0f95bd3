import { CharStore } from '../collections/CharStore'
import { growTypedArray } from '../collections/growTypedArray'
import type { LabSession } from '../sessions/labSchema'

/** A list the report prints: iterable in session_id order, with a length. */
export type Listed<T> = Iterable<T> & {
  readonly length: number
  /** Each item as JSON.stringify would write it, if the list can do that without objects. */
  jsonItems?(): Iterable<string>
}

/** What JSON.stringify would escape: quote, backslash, control characters, lone surrogates. */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true
  }
  return false
}
const jsonString = (text: string): string =>
  needsEscape(text) ? JSON.stringify(text) : `"${text}"`

type Field = keyof LabSession

/** Numbers in a growable Float64Array. */
class NumberColumn {
  private values = new Float64Array(1024)
  push(at: number, value: number): void {
    if (at >= this.values.length) this.values = growTypedArray(this.values, at + 1)
    this.values[at] = value
  }
  get(at: number): number {
    return this.values[at]!
  }
}

/** Few distinct values (scenario, sentiment): one copy each, rows hold a code. */
class CodedColumn {
  private readonly codes = new Map<unknown, number>()
  private readonly values: unknown[] = []
  private rows = new Uint32Array(1024)
  push(at: number, value: unknown): void {
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.push(value) - 1
      this.codes.set(value, code)
    }
    if (at >= this.rows.length) this.rows = growTypedArray(this.rows, at + 1)
    this.rows[at] = code
  }
  get(at: number): unknown {
    return this.values[this.rows[at]!]
  }
}

type Column = NumberColumn | CodedColumn

/**
 * Sessions a report lists (slow, negative, …), kept in typed columns rather than one object per
 * session: a million listed sessions cost about 40 MB instead of about 170 MB (measured), and
 * nothing for the GC to trace. Iterating yields fresh objects in session_id order (sorted once,
 * only when the input was not already in order).
 */
export class ListedSessions<K extends Field> implements Listed<Pick<LabSession, K>> {
  private readonly ids = new CharStore()
  private readonly columns: (Column | undefined)[]
  private count = 0
  private lastId: string | undefined
  private inOrder = true
  private order: Uint32Array | undefined

  constructor(private readonly fields: readonly K[]) {
    this.columns = fields.map(() => undefined)
  }

  get length(): number {
    return this.count
  }

  push(session: LabSession): void {
    const at = this.count++
    const id = session.session_id
    if (this.lastId !== undefined && id < this.lastId) this.inOrder = false
    this.lastId = id
    this.order = undefined
    for (let f = 0; f < this.fields.length; f++) {
      const field = this.fields[f]!
      if (field === 'session_id') continue
      const value = session[field]
      let column = this.columns[f]
      if (!column) {
        column = typeof value === 'number' ? new NumberColumn() : new CodedColumn()
        this.columns[f] = column
      }
      if (column instanceof NumberColumn) column.push(at, value as number)
      else column.push(at, value)
    }
    this.ids.push(id)
  }

  *[Symbol.iterator](): Generator<Pick<LabSession, K>> {
    const order = this.sortedOrder()
    for (let i = 0; i < this.count; i++) {
      const at = order ? order[i]! : i
      const row: Record<string, unknown> = {}
      for (let f = 0; f < this.fields.length; f++) {
        const field = this.fields[f]!
        row[field] = field === 'session_id' ? this.ids.get(at) : this.valueOf(f, at)
      }
      yield row as Pick<LabSession, K>
    }
  }

  /** JSON.stringify of each item, written straight from the columns (no object per item). */
  *jsonItems(): Generator<string> {
    const order = this.sortedOrder()
    const keys = this.fields.map((f, i) => `${i === 0 ? '{' : ','}${JSON.stringify(f)}:`)
    for (let i = 0; i < this.count; i++) {
      const at = order ? order[i]! : i
      let json = ''
      for (let f = 0; f < this.fields.length; f++) {
        const value = this.fields[f] === 'session_id' ? this.ids.get(at) : this.valueOf(f, at)
        json += keys[f] + (typeof value === 'string' ? jsonString(value) : JSON.stringify(value))
      }
      yield `${json}}`
    }
  }

  private valueOf(field: number, at: number): unknown {
    return this.columns[field]?.get(at)
  }

  private sortedOrder(): Uint32Array | undefined {
    if (this.inOrder) return undefined
    if (!this.order) {
      const ids = Array.from({ length: this.count }, (_, i) => this.ids.get(i))
      this.order = Uint32Array.from(ids.keys()).sort((a, b) =>
        ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b
      )
    }
    return this.order
  }
}
