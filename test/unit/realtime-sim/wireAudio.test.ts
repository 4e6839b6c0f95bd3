import { describe, expect, it } from 'vitest'
import {
  alawDecode,
  alawEncode,
  mulawDecode,
  mulawEncode
} from '../../../src/main/realtime-sim/audio/g711'
import { decodeWireAudio, encodeWireAudio } from '../../../src/main/realtime-sim/audio/wireAudio'

const ramp = Int16Array.from({ length: 2001 }, (_, i) => (i - 1000) * 32)

describe('WebSocket audio formats', () => {
  it.each([
    ['µ-law', mulawEncode, mulawDecode],
    ['A-law', alawEncode, alawDecode]
  ])('%s keeps every sample within its step size (about 1/16 of its magnitude)', (_, en, de) => {
    for (const sample of ramp) {
      const back = de(en(sample))
      expect(Math.abs(back - sample)).toBeLessThanOrEqual(Math.max(16, Math.abs(sample) / 16))
      expect(Math.sign(back) * Math.sign(sample)).not.toBe(-1)
    }
  })

  it('known G.711 code words: silence and full scale', () => {
    expect(mulawEncode(0)).toBe(0xff)
    expect(mulawEncode(32767)).toBe(0x80)
    expect(alawEncode(0)).toBe(0xd5)
    expect(alawEncode(-32768)).toBe(0x2a)
  })

  it('sends 48 kHz agent audio as 24 kHz PCM16 little-endian, and reads PCM16 back', () => {
    const agent = Int16Array.from({ length: 480 }, (_, i) => i * 10 - 2000)
    const base64 = encodeWireAudio(agent, 48_000, { type: 'audio/pcm', rate: 24000 })
    const bytes = Buffer.from(base64, 'base64')
    expect(bytes.length).toBe(480)
    expect(bytes.readInt16LE(2)).toBe(-1980)
    // Every other 48 kHz sample, exactly: the resampler lands on them.
    expect(Array.from(decodeWireAudio(base64, { type: 'audio/pcm' }))).toEqual(
      Array.from({ length: 240 }, (_, j) => j * 20 - 2000)
    )
  })

  it('sends G.711 at 8 kHz, one byte a sample', () => {
    const agent = new Int16Array(480).fill(-2000)
    for (const type of ['audio/pcmu', 'audio/pcma'] as const) {
      const base64 = encodeWireAudio(agent, 48_000, { type })
      expect(Buffer.from(base64, 'base64').length).toBe(80)
      for (const sample of decodeWireAudio(base64, { type }))
        expect(Math.abs(sample + 2000)).toBeLessThan(130)
    }
  })
})
