export interface PcmAudio {
  samples: Int16Array
  sampleRate: number
}

/** Reads a 16-bit PCM WAV (mono, or the first channel of several). */
export function parseWav(bytes: Uint8Array): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tag = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4))
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('Not a WAV file')
  let channels = 0
  let sampleRate = 0
  let offset = 12
  while (offset + 8 <= bytes.length) {
    const id = tag(offset)
    // espeak-ng --stdout writes 0xFFFFFFFF sizes (it cannot seek); the data runs to the end.
    const declared = view.getUint32(offset + 4, true)
    const size = Math.min(declared, bytes.length - offset - 8)
    if (id === 'fmt ') {
      const format = view.getUint16(offset + 8, true)
      channels = view.getUint16(offset + 10, true)
      sampleRate = view.getUint32(offset + 12, true)
      const bits = view.getUint16(offset + 22, true)
      if (format !== 1 || bits !== 16) throw new Error('Only 16-bit PCM WAV is supported')
    } else if (id === 'data') {
      if (!channels) throw new Error('WAV data before its fmt chunk')
      const frames = Math.floor(size / 2 / channels)
      const samples = new Int16Array(frames)
      for (let i = 0; i < frames; i++)
        samples[i] = view.getInt16(offset + 8 + i * 2 * channels, true)
      return { samples, sampleRate }
    }
    offset += 8 + size + (size % 2)
  }
  throw new Error('WAV file has no data chunk')
}

/** Writes mono 16-bit PCM as a WAV file. */
export function encodeWav({ samples, sampleRate }: PcmAudio): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2)
  const view = new DataView(bytes.buffer)
  const text = (at: number, value: string): void =>
    [...value].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)))
  text(0, 'RIFF')
  view.setUint32(4, 36 + samples.length * 2, true)
  text(8, 'WAVE')
  text(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true)
  view.setUint16(22, 1, true)
  view.setUint32(24, sampleRate, true)
  view.setUint32(28, sampleRate * 2, true)
  view.setUint16(32, 2, true)
  view.setUint16(34, 16, true)
  text(36, 'data')
  view.setUint32(40, samples.length * 2, true)
  samples.forEach((sample, i) => view.setInt16(44 + i * 2, sample, true))
  return bytes
}
