import { describe, expect, it } from 'vitest'
import {
  compareBytewise,
  idsAscendAbove,
  lastIdOf
} from '../../../../src/main/database/postgres/idOrder'
import { SessionBatchPacker, type SessionBatch } from '../../../../src/main/sessions/packedSessions'

function batchOf(ids: string[]): SessionBatch {
  const packer = new SessionBatchPacker()
  ids.forEach((id, i) =>
    packer.addFields(id, 'faq', 'neutral', 'm', 'en', 1, 1, 2, 0, 1, false, i + 2)
  )
  return packer.take()!
}

describe('compareBytewise', () => {
  it('orders as UTF-8 bytes do, where UTF-16 units disagree', () => {
    // U+FF21 (three UTF-8 bytes, EF BC A1) sorts below U+1F600 (four, F0 9F 98 80) in bytes,
    // while its UTF-16 unit 0xFF21 is above the surrogate 0xD83D that JavaScript's < compares.
    const fullwidth = '\uff21'
    const emoji = '\u{1f600}'
    expect(fullwidth < emoji).toBe(false)
    expect(compareBytewise(fullwidth, emoji)).toBeLessThan(0)
    expect(compareBytewise(emoji, fullwidth)).toBeGreaterThan(0)
    expect(Buffer.compare(Buffer.from(fullwidth), Buffer.from(emoji))).toBe(-1)
  })

  it('agrees with a byte comparison on every pair of a mixed list', () => {
    const ids = [
      '',
      'A',
      'AB',
      'B',
      'a',
      'é',
      '\u0800',
      '\ue000',
      '\uffff',
      '\u{10000}',
      'A\u{1f600}'
    ]
    for (const a of ids)
      for (const b of ids)
        expect(Math.sign(compareBytewise(a, b)), `${a} vs ${b}`).toBe(
          Buffer.compare(Buffer.from(a), Buffer.from(b))
        )
  })
})

describe('idsAscendAbove', () => {
  it('is true for strictly ascending ids above the bound, or with no bound', () => {
    expect(idsAscendAbove(batchOf(['T1', 'T2', 'T3']), 'S9')).toBe(true)
    expect(idsAscendAbove(batchOf(['A', 'B']), null)).toBe(true)
  })

  it('is false for an id at or below the bound, a repeat, or a step down', () => {
    expect(idsAscendAbove(batchOf(['T1', 'T2']), 'T1')).toBe(false)
    expect(idsAscendAbove(batchOf(['T1', 'T1']), null)).toBe(false)
    expect(idsAscendAbove(batchOf(['T2', 'T1']), null)).toBe(false)
  })

  it('follows byte order, not UTF-16 order', () => {
    expect(idsAscendAbove(batchOf(['\uff21', '\u{1f600}']), null)).toBe(true)
    expect(idsAscendAbove(batchOf(['\u{1f600}', '\uff21']), null)).toBe(false)
  })

  it('gives the last id of a batch', () => {
    expect(lastIdOf(batchOf(['T1', 'T2', 'T3']))).toBe('T3')
  })
})
