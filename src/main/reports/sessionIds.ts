/**
 * The sessions' ids by row, in session_id order, as the report columns keep them. Reports need
 * a few of them (the latency chart's ends), Sessions a page of them plus the search and the id
 * list filters over all of them; a string per id, made up front, was a fifth of a million-row
 * read's CPU, so a backend may keep them otherwise (idBytes.ts).
 */
export interface SessionIds {
  readonly size: number
  at(row: number): string
  /**
   * Per row, 1 if its id contains `search` as ILIKE '%search%' matches under COLLATE "C" (and
   * SQLite's LIKE): ASCII letters in either case, everything else only itself; else 0.
   */
  containing(search: string): Uint8Array
  /** Per row, 1 if its id is one of `ids`, else 0. */
  among(ids: readonly string[]): Uint8Array
  /** The row whose id is `id`, or −1. */
  rowOf(id: string): number
  /** These ids in `order` (row indices, each once). */
  permuted(order: Uint32Array): SessionIds
}

/**
 * The search as a regular expression with ILIKE's folding under COLLATE "C" (and SQLite's LIKE):
 * ASCII letters match either case, everything else only itself.
 */
export function searchPattern(search: string): RegExp {
  const source = [...search]
    .map((c) =>
      /^[a-zA-Z]$/.test(c)
        ? `[${c.toLowerCase()}${c.toUpperCase()}]`
        : c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
    )
    .join('')
  return new RegExp(source, 'u')
}

/** Ids held as strings (SQLite hands each row's over as one). */
export class IdStrings implements SessionIds {
  /** Each id's row, made at the first rowOf. */
  private rows: Map<string, number> | null = null

  constructor(readonly ids: readonly string[]) {}

  get size(): number {
    return this.ids.length
  }

  at(row: number): string {
    const id = this.ids[row]
    if (id === undefined) throw new RangeError(`session ids: no row ${row}`)
    return id
  }

  containing(search: string): Uint8Array {
    const pattern = searchPattern(search)
    return Uint8Array.from(this.ids, (id) => (pattern.test(id) ? 1 : 0))
  }

  among(ids: readonly string[]): Uint8Array {
    const wanted = new Set(ids)
    return Uint8Array.from(this.ids, (id) => (wanted.has(id) ? 1 : 0))
  }

  rowOf(id: string): number {
    this.rows ??= new Map(this.ids.map((each, row) => [each, row]))
    return this.rows.get(id) ?? -1
  }

  permuted(order: Uint32Array): IdStrings {
    if (order.length !== this.size) throw new Error('session ids: an order of another size')
    return new IdStrings(Array.from(order, (row) => this.at(row)))
  }
}

/** The parts a read yielded, as one: the part itself when there is one. */
export function joinedIds(parts: readonly SessionIds[]): SessionIds {
  if (parts.length === 1) return parts[0]!
  // SQLite's chunks: their arrays joined at once (a loop over a million ids held main longer).
  if (parts.every((part) => part instanceof IdStrings))
    return new IdStrings(([] as string[]).concat(...parts.map((part) => part.ids)))
  const ids: string[] = []
  for (const part of parts) for (let row = 0; row < part.size; row++) ids.push(part.at(row))
  return new IdStrings(ids)
}
