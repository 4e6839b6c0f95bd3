import type { VadSettings } from '../../../shared/realtime/energyVad'
import type { TurnDetection } from '../../../shared/realtime/sessionConfig'

// semantic_vad has no knobs but eagerness; the simulator approximates it with silence windows
// (a real model also listens to whether the sentence sounds finished).
const SEMANTIC_SILENCE_MS = { low: 1500, medium: 800, auto: 800, high: 400 } as const

export function vadSettings(turn: NonNullable<TurnDetection>): VadSettings {
  if (turn.type === 'semantic_vad')
    return {
      threshold: 0.5,
      prefixPaddingMs: 300,
      silenceDurationMs: SEMANTIC_SILENCE_MS[turn.eagerness ?? 'auto']
    }
  return {
    threshold: turn.threshold ?? 0.5,
    prefixPaddingMs: turn.prefix_padding_ms ?? 300,
    silenceDurationMs: turn.silence_duration_ms ?? 500
  }
}
