import { agentToolArgs } from '../catalog/agentTools'
import { ACKNOWLEDGEMENTS } from './acknowledgements'

/** List prices, the same shape as the Settings screen's pricing (Realtime: USD per million tokens). */
export interface PriceTable {
  audioInput: number
  audioOutput: number
  textInput: number
  textOutput: number
  /** Cached input tokens (text or audio). */
  cachedInput: number
  /**
   * GPT-Live bills session time, not tokens: USD per minute, counted by the second. Absent in
   * prices recorded before GPT-Live was priced (their calls were all Realtime's).
   */
  liveSessionPerMinute?: number
}

export interface CallMetricsConfig {
  backchannel: {
    /** Without a transcript, an utterance over agent audio shorter than this is a backchannel. */
    maxMs: number
    /** With a transcript, an utterance made only of these phrases is a backchannel. */
    phrases: readonly string[]
    /**
     * Count an acknowledgement as a backchannel only if the server did not cut the agent for it.
     * Off by default: with `interrupt_response` the server cuts the agent on every "mm-hmm", and
     * those must not count as interruptions (issue 7).
     */
    requireNoCut: boolean
  }
  echo: {
    /** Caller speech starting sooner than this after agent audio started is suspect. */
    windowMs: number
    /** Share of the caller's words found, in order, in the agent's text (0–1). */
    minSimilarity: number
    /** Transcripts shorter than this are too short to compare. */
    minWords: number
  }
  /** How long after an overlapping utterance stops its transcript is awaited before deciding. */
  transcriptWaitMs: number
  /** Speech-rate fallbacks for how long an answer would have played. */
  speech: {
    /** Spoken duration per character of agent text, used until the call has calibrated its own. */
    msPerChar: number
    /** Output audio duration per audio token (about 20 tokens/s, reported, not documented). */
    msPerAudioToken: number
  }
  /** null: no cost estimate. */
  prices: PriceTable | null
  /** Tools whose successful call means the session used RAG. */
  catalogTools: readonly string[]
}

/**
 * GPT-Live's list price for active session time (Nov 2026: $0.05 a minute, by the second; the
 * WebRTC standby rate is lower, but the console does not ask for standby).
 */
export const GPT_LIVE_PRICE_PER_MINUTE = 0.05

/** gpt-realtime list prices (USD / 1M tokens) at the time of writing; editable in Settings. */
export const GPT_REALTIME_PRICES: PriceTable = {
  audioInput: 32,
  audioOutput: 64,
  textInput: 4,
  textOutput: 16,
  cachedInput: 0.4,
  liveSessionPerMinute: GPT_LIVE_PRICE_PER_MINUTE
}

export const DEFAULT_CALL_METRICS_CONFIG: CallMetricsConfig = {
  backchannel: { maxMs: 600, phrases: ACKNOWLEDGEMENTS, requireNoCut: false },
  echo: { windowMs: 150, minSimilarity: 0.7, minWords: 3 },
  transcriptWaitMs: 1500,
  speech: { msPerChar: 70, msPerAudioToken: 50 },
  prices: GPT_REALTIME_PRICES,
  catalogTools: Object.keys(agentToolArgs)
}

export interface CallMetricsOverrides {
  backchannel?: Partial<CallMetricsConfig['backchannel']>
  echo?: Partial<CallMetricsConfig['echo']>
  transcriptWaitMs?: number
  speech?: Partial<CallMetricsConfig['speech']>
  prices?: PriceTable | null
  catalogTools?: readonly string[]
}

/** The defaults with some settings replaced (one level deep). */
export function callMetricsConfig(overrides: CallMetricsOverrides = {}): CallMetricsConfig {
  const d = DEFAULT_CALL_METRICS_CONFIG
  return {
    backchannel: { ...d.backchannel, ...overrides.backchannel },
    echo: { ...d.echo, ...overrides.echo },
    transcriptWaitMs: overrides.transcriptWaitMs ?? d.transcriptWaitMs,
    speech: { ...d.speech, ...overrides.speech },
    prices: overrides.prices === undefined ? d.prices : overrides.prices,
    catalogTools: overrides.catalogTools ?? d.catalogTools
  }
}
