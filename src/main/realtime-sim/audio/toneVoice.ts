import { type AgentVoice, SAMPLE_RATE } from './agentVoice'

const WORD_MS = 180
const GAP_MS = 70
const AMPLITUDE = 6000

/**
 * The voice without espeak-ng: one short tone per word, pitch varying by word, so answers last
 * about as long as speech and VAD, barge-in and the ear meter behave as with speech.
 */
export class ToneVoice implements AgentVoice {
  readonly engine = 'tone'

  async speak(text: string): Promise<Int16Array> {
    const words = text.split(/\s+/).filter(Boolean)
    const wordSamples = (WORD_MS * SAMPLE_RATE) / 1000
    const gapSamples = (GAP_MS * SAMPLE_RATE) / 1000
    const out = new Int16Array(words.length * (wordSamples + gapSamples))
    words.forEach((word, w) => {
      const hz = 180 + ((word.length * 37 + w * 53) % 220)
      const start = w * (wordSamples + gapSamples)
      for (let i = 0; i < wordSamples; i++) {
        // A raised-cosine envelope avoids clicks at word edges.
        const envelope = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / wordSamples)
        out[start + i] = Math.round(
          AMPLITUDE * envelope * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE)
        )
      }
    })
    return out
  }
}
