import type { AgentVoice } from './agentVoice'
import { EspeakVoice } from './espeakVoice'
import { findEspeak } from './findEspeak'
import { ToneVoice } from './toneVoice'

export type VoiceChoice = 'auto' | 'espeak' | 'tone'

/** espeak-ng when installed (or asked for), tones otherwise; `note` says which and why. */
export function pickVoice(
  choice: VoiceChoice = 'auto',
  find: () => string | null = findEspeak
): { voice: AgentVoice; note: string } {
  if (choice === 'tone')
    return { voice: new ToneVoice(), note: 'agent voice: tones (--voice tone)' }
  const espeak = find()
  if (espeak) {
    const where = espeak === 'espeak-ng' ? '' : ` (${espeak})`
    return { voice: new EspeakVoice(espeak), note: `agent voice: espeak-ng${where}` }
  }
  if (choice === 'espeak') throw new Error('--voice espeak: espeak-ng is not installed')
  return {
    voice: new ToneVoice(),
    note: 'agent voice: tones (espeak-ng not found; install espeak-ng for spoken answers)'
  }
}
