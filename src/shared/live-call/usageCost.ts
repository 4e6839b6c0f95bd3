import type { PriceTable } from './callConfig'
import type { ResponseUsageLike, TranscriptionUsage } from './callEvents'

/** Token counts summed over every `response.done` of the call, cancelled ones included. */
export interface TokenTotals {
  inputTokens: number
  outputTokens: number
  inputTextTokens: number
  inputAudioTokens: number
  /** Cached input tokens are a subset of the input tokens above. */
  cachedTextTokens: number
  cachedAudioTokens: number
  outputTextTokens: number
  outputAudioTokens: number
  /** Tokens the server did not split into text and audio; priced as audio (the upper rate). */
  unsplitInputTokens: number
  unsplitOutputTokens: number
  responsesWithUsage: number
  /** A missing `usage` is unknown, not zero: counted so the estimate can say it is partial. */
  responsesWithoutUsage: number
  /** Input transcription, billed separately (not in the cost estimate). */
  transcription: { inputTokens: number; outputTokens: number; seconds: number }
}

export const EMPTY_TOKEN_TOTALS: TokenTotals = {
  inputTokens: 0,
  outputTokens: 0,
  inputTextTokens: 0,
  inputAudioTokens: 0,
  cachedTextTokens: 0,
  cachedAudioTokens: 0,
  outputTextTokens: 0,
  outputAudioTokens: 0,
  unsplitInputTokens: 0,
  unsplitOutputTokens: 0,
  responsesWithUsage: 0,
  responsesWithoutUsage: 0,
  transcription: { inputTokens: 0, outputTokens: 0, seconds: 0 }
}

/** Adds one `response.done`'s usage (null/undefined = unknown). */
export function addResponseUsage(
  totals: TokenTotals,
  usage: ResponseUsageLike | null | undefined
): TokenTotals {
  if (!usage) return { ...totals, responsesWithoutUsage: totals.responsesWithoutUsage + 1 }
  const inDetails = usage.input_token_details
  const outDetails = usage.output_token_details
  const inText = inDetails?.text_tokens ?? 0
  const inAudio = inDetails?.audio_tokens ?? 0
  const cachedText = inDetails?.cached_tokens_details?.text_tokens ?? 0
  const cachedAudio =
    inDetails?.cached_tokens_details?.audio_tokens ??
    Math.max(0, (inDetails?.cached_tokens ?? 0) - cachedText)
  const outText = outDetails?.text_tokens ?? 0
  const outAudio = outDetails?.audio_tokens ?? 0
  return {
    ...totals,
    inputTokens: totals.inputTokens + usage.input_tokens,
    outputTokens: totals.outputTokens + usage.output_tokens,
    inputTextTokens: totals.inputTextTokens + inText,
    inputAudioTokens: totals.inputAudioTokens + inAudio,
    cachedTextTokens: totals.cachedTextTokens + cachedText,
    cachedAudioTokens: totals.cachedAudioTokens + cachedAudio,
    outputTextTokens: totals.outputTextTokens + outText,
    outputAudioTokens: totals.outputAudioTokens + outAudio,
    unsplitInputTokens:
      totals.unsplitInputTokens + Math.max(0, usage.input_tokens - inText - inAudio),
    unsplitOutputTokens:
      totals.unsplitOutputTokens + Math.max(0, usage.output_tokens - outText - outAudio),
    responsesWithUsage: totals.responsesWithUsage + 1
  }
}

/** Adds one `…input_audio_transcription.completed` usage (tokens or seconds). */
export function addTranscriptionUsage(
  totals: TokenTotals,
  usage: TranscriptionUsage | undefined
): TokenTotals {
  if (!usage) return totals
  const t = totals.transcription
  const transcription =
    usage.type === 'tokens'
      ? {
          ...t,
          inputTokens: t.inputTokens + usage.input_tokens,
          outputTokens: t.outputTokens + usage.output_tokens
        }
      : { ...t, seconds: t.seconds + usage.seconds }
  return { ...totals, transcription }
}

/**
 * Estimated USD for the Realtime responses: uncached and cached input by modality, output by
 * modality, per-million prices. Transcription is billed on another model and left out.
 * null without prices or without any reported usage.
 */
export function estimateCostUsd(totals: TokenTotals, prices: PriceTable | null): number | null {
  if (!prices || totals.responsesWithUsage === 0) return null
  const usd =
    (totals.inputTextTokens - totals.cachedTextTokens) * prices.textInput +
    (totals.inputAudioTokens - totals.cachedAudioTokens) * prices.audioInput +
    (totals.cachedTextTokens + totals.cachedAudioTokens) * prices.cachedInput +
    totals.unsplitInputTokens * prices.audioInput +
    totals.outputTextTokens * prices.textOutput +
    (totals.outputAudioTokens + totals.unsplitOutputTokens) * prices.audioOutput
  return usd / 1_000_000
}

/**
 * Estimated USD for a GPT-Live session: its cumulative seconds (the service's own count, which
 * includes silence and backend waits) at the per-minute price, by the second. null without a
 * price or before the first usage report.
 */
export function estimateLiveCostUsd(seconds: number, prices: PriceTable | null): number | null {
  const perMinute = prices?.liveSessionPerMinute
  if (perMinute === undefined || seconds <= 0) return null
  return (seconds / 60) * perMinute
}

/** The call's estimate on its engine: GPT-Live by session time, Realtime by tokens. */
export function estimateCallCostUsd(
  totals: TokenTotals,
  liveSeconds: number | null,
  prices: PriceTable | null
): number | null {
  return liveSeconds === null
    ? estimateCostUsd(totals, prices)
    : estimateLiveCostUsd(liveSeconds, prices)
}
