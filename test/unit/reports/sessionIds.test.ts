import { describe, expect, it } from 'vitest'
import { IdBytesBuilder, type IdBytes } from '../../../src/main/reports/idBytes'
import { IdStrings, joinedIds, type SessionIds } from '../../../src/main/reports/sessionIds'

// The ids kept as bytes (PostgreSQL's read) must answer as the ids kept as strings do (SQLite's,
// whose search is the regular expression the SQL's ILIKE was held to in columnPaging.test.ts).

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

const ALPHABET = [
  'a',
  'A',
  'b',
  'B',
  'z',
  'Z',
  '0',
  '9',
  '-',
  '_',
  '%',
  '.',
  'é',
  'É',
  'ß',
  '😀',
  'ａ'
]

/** Distinct ids in session_id order (COLLATE "C": UTF-8 bytes' order). */
function idsFor(next: () => number, count: number): string[] {
  const ids = new Set<string>()
  while (ids.size < count) {
    const length = 1 + Math.floor(next() * 6)
    ids.add(Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''))
  }
  return [...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
}

function asBytes(ids: readonly string[], expectedRows = 0): SessionIds {
  const builder = new IdBytesBuilder(expectedRows)
  for (const id of ids) {
    // Each id from a buffer of its own, at an offset, as a COPY row holds it.
    const row = Buffer.concat([Buffer.from('xx'), Buffer.from(id), Buffer.from('yy')])
    builder.add(row, 2, row.length - 2)
  }
  return builder.build()
}

describe('IdBytes (ids as bytes) answers as IdStrings', () => {
  const next = random(17)
  const ids = idsFor(next, 3_000)
  const strings = new IdStrings(ids)
  const bytes = asBytes(ids)

  it('gives each row its id', () => {
    expect(bytes.size).toBe(ids.length)
    for (let row = 0; row < ids.length; row++) expect(bytes.at(row)).toBe(ids[row])
    expect(() => bytes.at(ids.length)).toThrow(RangeError)
    expect(() => bytes.at(-1)).toThrow(RangeError)
  })

  it('finds the same rows for a search: ASCII letters in either case, the rest exactly', () => {
    const searches = ['a', 'A', 'Ab', 'aa', 'zZ', '0', '9-', '%', '.', '_', 'é', 'É', 'ß', 'SS']
    searches.push('😀', 'ａ', 'Ａ', 'a😀', 'éa', '-_', 'ZZZ', 'nope', 'b\0', '\0')
    for (let k = 0; k < 40; k++) searches.push(ids[Math.floor(next() * ids.length)]!.slice(1, 4))
    // Four ASCII letters or more: folded as read (fewer: a native search per spelling).
    const swapped = (id: string): string =>
      [...id].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('')
    const lettered = ids.filter((id) => (id.match(/[a-z]/gi) ?? []).length >= 4).slice(0, 20)
    expect(lettered.length).toBeGreaterThan(5)
    searches.push(...lettered.map(swapped), 'aBzA', 'ZZZZ')
    for (const search of searches)
      expect([...bytes.containing(search)], JSON.stringify(search)).toEqual([
        ...strings.containing(search)
      ])
    expect(bytes.containing('a').some((mark) => mark === 1)).toBe(true)
  })

  it('finds the rows of an id list: absent ids, repeats and case differences left out', () => {
    const some = ids.filter((_, row) => row % 7 === 3)
    const lists = [
      [],
      [ids[0]!],
      [ids.at(-1)!],
      some,
      [...some, ...some],
      some.map((id) => id.toUpperCase()),
      ['', 'nope', ids[5]! + 'x', ids[5]!.slice(0, -1)]
    ]
    for (const list of lists) expect([...bytes.among(list)]).toEqual([...strings.among(list)])
    for (const list of lists)
      for (const id of list) expect(bytes.rowOf(id), id).toBe(strings.rowOf(id))
    expect(some.map((id) => bytes.rowOf(id))).toEqual(some.map((id) => ids.indexOf(id)))
    expect(bytes.rowOf('nope')).toBe(-1)
  })

  it('holds the same ids however many it expected (its buffers sized from the first ones)', () => {
    for (const expected of [ids.length, 1_100, 2_000_000]) {
      const sized = asBytes(ids, expected)
      expect(Array.from({ length: sized.size }, (_, row) => sized.at(row))).toEqual(ids)
    }
  })

  it('finds the id order of ids read in another order, and puts them in it', () => {
    const shuffled = ids.map((_, k) => ids[(k * 7_919) % ids.length]!)
    const read = asBytes(shuffled) as IdBytes
    const order = read.sortedOrder()!
    expect([...order].map((row) => shuffled[row])).toEqual(ids)
    const sorted = read.permuted(order)
    expect(Array.from({ length: sorted.size }, (_, row) => sorted.at(row))).toEqual(ids)
    expect((bytes as IdBytes).sortedOrder()).toBeNull()
    const asStrings = new IdStrings(shuffled).permuted(order)
    expect(Array.from({ length: asStrings.size }, (_, row) => asStrings.at(row))).toEqual(ids)
    expect(() => read.permuted(order.subarray(1))).toThrow(/another size/)
  })

  it('holds no ids, or one', () => {
    const none = new IdBytesBuilder().build()
    expect(none.size).toBe(0)
    expect([...none.containing('a')]).toEqual([])
    expect([...none.among(['a'])]).toEqual([])
    const one = asBytes(['Solo'])
    expect(one.at(0)).toBe('Solo')
    expect([...one.containing('LO')]).toEqual([1])
    expect([...one.among(['Solo', 'solo'])]).toEqual([1])
  })
})

describe('joinedIds', () => {
  it('keeps a single part as it is and joins several in order', () => {
    const one = asBytes(['a', 'b'])
    expect(joinedIds([one])).toBe(one)
    const joined = joinedIds([new IdStrings(['a', 'b']), asBytes(['c']), new IdStrings([])])
    expect(Array.from({ length: joined.size }, (_, row) => joined.at(row))).toEqual(['a', 'b', 'c'])
  })
})
