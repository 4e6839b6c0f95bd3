import { type AgentVoice, SAMPLE_RATE } from '../audio/agentVoice'
import { encodeWav } from '../audio/wav'
import type { Scenario } from '../scenario/scenarioSchema'

/** What a caller without a recording says: lines, or every `caller:` line of the scenario. */
export type CallerLines = string[] | 'scenario'

/**
 * A caller's WAV spoken by the simulator's own voice (espeak-ng, or tones without it): each
 * line in its language, then `pauseMs` of silence for the agent to answer.
 */
export async function speakCallerLines(
  voice: AgentVoice,
  scenario: Scenario,
  lines: CallerLines,
  pauseMs: number
): Promise<Uint8Array> {
  const said =
    lines === 'scenario'
      ? scenario.turns.map((t) => ({ text: t.caller, language: t.caller_language }))
      : lines.map((text) => ({ text, language: undefined }))
  const pause = new Int16Array((pauseMs * SAMPLE_RATE) / 1000)
  const pieces: Int16Array[] = []
  for (const { text, language } of said)
    pieces.push(await voice.speak(text, language ?? scenario.language), pause)
  const samples = new Int16Array(pieces.reduce((n, p) => n + p.length, 0))
  pieces.reduce((at, piece) => (samples.set(piece, at), at + piece.length), 0)
  return encodeWav({ samples, sampleRate: SAMPLE_RATE })
}
