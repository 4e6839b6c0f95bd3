import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64 } from './bytesBase64'

describe('bytes ↔ base64', () => {
  it('matches Node’s encoding both ways, past one slice and for every byte value', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256)
    const text = bytesToBase64(bytes)
    expect(text).toBe(Buffer.from(bytes).toString('base64'))
    expect(base64ToBytes(text)).toEqual(bytes)
    expect(bytesToBase64(new Uint8Array())).toBe('')
    expect([...base64ToBytes('AP8=')]).toEqual([0, 255])
  })
})
