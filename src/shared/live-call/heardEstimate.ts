import type { CallMetricsConfig } from './callConfig'
import type { AgentResponse, HeardEstimate } from './callRecords'

export interface SpeechRates {
  msPerChar: number
  msPerAudioToken: number
}

/** Enough played-out speech to trust the call's own rate over the config's. */
const MIN_CALIBRATION_CHARS = 40
const MIN_CALIBRATION_TOKENS = 40

/** Speech rates measured on this call's answers that played to the end. */
export function speechRates(
  responses: readonly AgentResponse[],
  config: CallMetricsConfig
): SpeechRates {
  let ms = 0
  let chars = 0
  let tokenMs = 0
  let tokens = 0
  for (const r of responses) {
    if (r.audioEnd !== 'stopped' || r.audioStartT === null || r.audioEndT === null) continue
    const played = r.audioEndT - r.audioStartT
    if (r.text.length > 0) {
      ms += played
      chars += r.text.length
    }
    if (r.outputAudioTokens) {
      tokenMs += played
      tokens += r.outputAudioTokens
    }
  }
  return {
    msPerChar: chars >= MIN_CALIBRATION_CHARS ? ms / chars : config.speech.msPerChar,
    msPerAudioToken:
      tokens >= MIN_CALIBRATION_TOKENS ? tokenMs / tokens : config.speech.msPerAudioToken
  }
}

/**
 * Heard part of a response whose audio started: the whole of it when it played out, the part
 * before the cut when it was cut; null while it plays or when it never played. The expected
 * length of a cut answer counts what was generated (a lower bound when generation was cut
 * too), never less than what was heard.
 */
export function heardOf(response: AgentResponse, rates: SpeechRates): HeardEstimate | null {
  const start = response.audioStartT ?? response.firstAudibleT
  if (start === null) return null
  if (!response.cut) {
    if (response.audioEnd !== 'stopped' || response.audioEndT === null) return null
    const heardMs = Math.max(0, response.audioEndT - start)
    return {
      heardMs,
      expectedMs: heardMs,
      heardPct: 100,
      heardText: response.text,
      unheardText: '',
      basis: 'played_out'
    }
  }
  const heardMs = Math.max(0, response.cut.t - start)
  const generated =
    response.outputAudioTokens !== null && response.outputAudioTokens > 0
      ? { ms: response.outputAudioTokens * rates.msPerAudioToken, basis: 'audio_tokens' as const }
      : response.text.length > 0
        ? { ms: response.text.length * rates.msPerChar, basis: 'text_rate' as const }
        : null
  if (!generated)
    return {
      heardMs,
      expectedMs: null,
      heardPct: null,
      heardText: '',
      unheardText: '',
      basis: 'unknown'
    }
  const expectedMs = Math.max(generated.ms, heardMs)
  const share = expectedMs === 0 ? 1 : heardMs / expectedMs
  const [heardText, unheardText] = splitAtShare(response.text, share)
  return {
    heardMs,
    expectedMs,
    heardPct: share * 100,
    heardText,
    unheardText,
    basis: generated.basis
  }
}

/** Splits text at `share` of its length, moved back to the start of the word it falls in. */
export function splitAtShare(text: string, share: number): [string, string] {
  let at = Math.round(text.length * Math.min(1, Math.max(0, share)))
  if (at < text.length) while (at > 0 && !/\s/.test(text.charAt(at - 1))) at--
  return [text.slice(0, at), text.slice(at)]
}
