import { describe, expect, it } from 'vitest'
import { ByteKeyedValues } from '../../../../src/main/database/postgres/byteKeyedValues'

const viewOf = (buffer: Buffer): DataView =>
  new DataView(buffer.buffer, buffer.byteOffset, buffer.length)

describe('ByteKeyedValues', () => {
  it('finds a key by its bytes wherever they are, making its value once', () => {
    const made: string[] = []
    const values = new ByteKeyedValues((buffer, from, to) => {
      made.push(buffer.toString('latin1', from, to))
      return made.length
    })
    const texts = ['abc', 'abd', 'ab', 'abcd', '', 'b', 'ba']
    // Twice, each time at another offset of another buffer.
    for (const pad of ['', '##'])
      for (const text of texts) {
        const buffer = Buffer.from(`${pad}${text}${pad}`, 'latin1')
        expect(values.get(buffer, viewOf(buffer), pad.length, pad.length + text.length)).toBe(
          texts.indexOf(text) + 1
        )
      }
    expect(made).toEqual(texts)
    expect(values.size).toBe(texts.length)
  })

  it('keeps every key apart past many slots (it grows), whichever slot each lands in', () => {
    const values = new ByteKeyedValues((buffer, from, to) => buffer.toString('latin1', from, to))
    const keys = Array.from({ length: 20_000 }, (_, k) => `key-${k * 7919}`)
    for (const key of keys) {
      const buffer = Buffer.from(key, 'latin1')
      values.get(buffer, viewOf(buffer), 0, key.length)
    }
    for (const key of keys.reverse()) {
      const buffer = Buffer.from(`>${key}`, 'latin1')
      expect(values.get(buffer, viewOf(buffer), 1, key.length + 1)).toBe(key)
    }
    expect(values.size).toBe(keys.length)
  })
})
