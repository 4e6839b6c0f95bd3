import type { z } from 'zod'
import type { AudioFormat } from '../../../shared/realtime/sessionConfig'
import { alawDecode, alawEncode, mulawDecode, mulawEncode } from './g711'
import { resample } from './resample'

type Format = z.output<typeof AudioFormat>

/** Samples per second of a session audio format: 24 kHz PCM, or 8 kHz G.711. */
export function formatRate(format: Format): number {
  return format.type === 'audio/pcm' ? 24_000 : 8_000
}

/** `input_audio_buffer.append`'s base64 audio → mono 16-bit samples at `formatRate`. */
export function decodeWireAudio(base64: string, format: Format): Int16Array {
  const bytes = Buffer.from(base64, 'base64')
  if (format.type === 'audio/pcm') {
    const samples = new Int16Array(Math.floor(bytes.length / 2))
    for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2)
    return samples
  }
  const decode = format.type === 'audio/pcmu' ? mulawDecode : alawDecode
  return Int16Array.from(bytes, decode)
}

/** Agent audio (at `fromRate`) → the base64 of `response.output_audio.delta` in `format`. */
export function encodeWireAudio(samples: Int16Array, fromRate: number, format: Format): string {
  const pcm = resample(samples, fromRate, formatRate(format))
  if (format.type === 'audio/pcm') {
    const bytes = Buffer.alloc(pcm.length * 2)
    pcm.forEach((sample, i) => bytes.writeInt16LE(sample, i * 2))
    return bytes.toString('base64')
  }
  const encode = format.type === 'audio/pcmu' ? mulawEncode : alawEncode
  return Buffer.from(Uint8Array.from(pcm, encode)).toString('base64')
}
