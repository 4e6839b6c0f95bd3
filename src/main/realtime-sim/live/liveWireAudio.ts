import { SAMPLE_RATE } from '../audio/agentVoice'
import { decodeWireAudio, encodeWireAudio } from '../audio/wireAudio'
import { resample } from '../audio/resample'
import { type ApiErrorBody, invalidRequest } from '../protocol/apiErrors'
import type { LiveAudioFormat } from './liveConfig'

/** Canonical, padded base64 (Node's decoder silently skips anything else). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const FRAME_MS = 10

/** Inferred default when `session.start` names no format: what the sideband reflects. */
export const DEFAULT_LIVE_FORMAT: LiveAudioFormat = { type: 'audio/pcm', rate: 24000 }

/** What a sideband receives, whatever the session's transport: mono PCM16LE at 24 kHz. */
export const SIDEBAND_FORMAT: LiveAudioFormat = { type: 'audio/pcm', rate: 24000 }

/** `session.input_audio.append`'s base64 → 10 ms frames at the format's rate, or the 400. */
export function liveAppendedAudio(
  base64: string,
  format: LiveAudioFormat
): { ok: true; frames: Int16Array[]; sampleRate: number } | { ok: false; error: ApiErrorBody } {
  const bytes = (base64.length / 4) * 3 - (base64.match(/=+$/)?.[0].length ?? 0)
  if (!BASE64.test(base64) || (format.type === 'audio/pcm' && bytes % 2 !== 0))
    return {
      ok: false,
      error: invalidRequest(
        'invalid_value',
        `Invalid 'audio': expected base64 ${format.type} audio at ${format.rate} Hz.`,
        'audio'
      )
    }
  // PCM16 decodes the same at any rate; G.711 by its law.
  const samples = decodeWireAudio(
    base64,
    format.type === 'audio/pcm' ? { type: 'audio/pcm' } : format
  )
  const step = (format.rate * FRAME_MS) / 1000
  const frames: Int16Array[] = []
  for (let at = 0; at < samples.length; at += step) frames.push(samples.subarray(at, at + step))
  return { ok: true, frames, sampleRate: format.rate }
}

/** Agent audio (48 kHz) → `session.output_audio.delta`'s base64 in the socket's format. */
export function liveOutputAudio(samples: Int16Array, format: LiveAudioFormat): string {
  if (format.type !== 'audio/pcm') return encodeWireAudio(samples, SAMPLE_RATE, format)
  const pcm = resample(samples, SAMPLE_RATE, format.rate)
  const bytes = Buffer.alloc(pcm.length * 2)
  pcm.forEach((sample, i) => bytes.writeInt16LE(sample, i * 2))
  return bytes.toString('base64')
}
