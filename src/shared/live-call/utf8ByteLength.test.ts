import { describe, expect, it } from 'vitest'
import { utf8ByteLength } from './utf8ByteLength'

const encoded = (text: string): number => new TextEncoder().encode(text).length

describe('utf8ByteLength', () => {
  it.each([
    ['', 0],
    ['tent', 4],
    ['café', 5],
    ['Zelt für 2 €', 15],
    ['テント', 9],
    ['🏕️ camp', 12],
    ['\ud83c', 3], // a lone high surrogate
    ['\udfd5x', 4], // a lone low surrogate
    ['a\ud83cb', 5]
  ])('counts %j as TextEncoder does (%i bytes)', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes)
    expect(utf8ByteLength(text)).toBe(encoded(text))
  })
})
