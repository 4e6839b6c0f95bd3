import type { z } from 'zod'
import type { AudioFormat } from '../../../shared/realtime/sessionConfig'
import { decodeWireAudio, formatRate } from '../audio/wireAudio'
import { type ApiErrorBody, invalidRequest } from '../protocol/apiErrors'

type Format = z.output<typeof AudioFormat>

/** Canonical, padded base64: Node's decoder would silently skip anything else. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** The frame WebRTC delivers, and the step VAD is tuned for. */
const FRAME_MS = 10

const DESCRIBED: Record<Format['type'], string> = {
  'audio/pcm': 'mono PCM16 at 24kHz',
  'audio/pcmu': 'G.711 μ-law at 8kHz',
  'audio/pcma': 'G.711 A-law at 8kHz'
}

export type AppendedAudio =
  { ok: true; frames: Int16Array[]; sampleRate: number } | { ok: false; error: ApiErrorBody }

/**
 * `input_audio_buffer.append`'s audio as 10 ms frames, as WebRTC would deliver it: a client
 * may send seconds in one event, and VAD must see its pauses. Bytes that are not base64, or
 * not whole PCM16 samples, get the API's error (wording and param as reported by API users;
 * the G.711 descriptions are ours).
 */
export function appendedAudio(base64: string, format: Format): AppendedAudio {
  if (!BASE64.test(base64) || !wholeSamples(base64, format))
    return {
      ok: false,
      error: invalidRequest(
        'invalid_value',
        `Invalid 'audio'. Expected base64-encoded audio bytes (${DESCRIBED[format.type]}) but got an invalid value.`,
        'audio.audio'
      )
    }
  const samples = decodeWireAudio(base64, format)
  const sampleRate = formatRate(format)
  const step = (sampleRate * FRAME_MS) / 1000
  const frames: Int16Array[] = []
  for (let at = 0; at < samples.length; at += step) frames.push(samples.subarray(at, at + step))
  return { ok: true, frames, sampleRate }
}

/** PCM16 is two bytes a sample; G.711 one. Counted on the (valid) base64, before decoding. */
function wholeSamples(base64: string, format: Format): boolean {
  if (format.type !== 'audio/pcm') return true
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
  return ((base64.length / 4) * 3 - padding) % 2 === 0
}
