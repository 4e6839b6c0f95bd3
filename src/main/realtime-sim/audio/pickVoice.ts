import type { AgentVoice } from './agentVoice'
import { EspeakVoice, espeakAvailable } from './espeakVoice'
import { ToneVoice } from './toneVoice'

export type VoiceChoice = 'auto' | 'espeak' | 'tone'

/** espeak-ng when installed (or asked for), tones otherwise; `note` says which and why. */
export function pickVoice(choice: VoiceChoice = 'auto'): { voice: AgentVoice; note: string } {
  if (choice === 'tone')
    return { voice: new ToneVoice(), note: 'agent voice: tones (--voice tone)' }
  if (espeakAvailable()) return { voice: new EspeakVoice(), note: 'agent voice: espeak-ng' }
  if (choice === 'espeak') throw new Error('--voice espeak: espeak-ng is not installed')
  return {
    voice: new ToneVoice(),
    note: 'agent voice: tones (espeak-ng not found; install espeak-ng for spoken answers)'
  }
}
