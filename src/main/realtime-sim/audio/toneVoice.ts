import { type AgentVoice, SAMPLE_RATE } from './agentVoice'

const WORD_MS = 180
const GAP_MS = 70
const AMPLITUDE = 6000
const WORD_SAMPLES = (WORD_MS * SAMPLE_RATE) / 1000
const GAP_SAMPLES = (GAP_MS * SAMPLE_RATE) / 1000

const LOWEST_HZ = 180
const PITCHES = 220
/** Each pitch's word, synthesized once: 220 pitches, 17 KiB each. */
const wordTones = new Map<number, Int16Array>()

/** One word's tone at `hz`, with a raised-cosine envelope that avoids clicks at its edges. */
function wordTone(hz: number): Int16Array {
  const cached = wordTones.get(hz)
  if (cached) return cached
  const tone = new Int16Array(WORD_SAMPLES)
  for (let i = 0; i < WORD_SAMPLES; i++) {
    const envelope = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / WORD_SAMPLES)
    tone[i] = Math.round(AMPLITUDE * envelope * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE))
  }
  wordTones.set(hz, tone)
  return tone
}

/** Answers kept whole, newest last: scripted calls say the same lines again and again. */
const ANSWERS_KEPT = 64

/**
 * The voice without espeak-ng: one short tone per word, pitch varying by word, so answers last
 * about as long as speech and VAD, barge-in and the ear meter behave as with speech. Tones are
 * cached by pitch and recent answers by text: synthesizing every answer afresh (fresh memory is
 * slow to touch on a VM) blocked the simulator's event loop for hundreds of ms when twenty calls
 * answered at once, and every time it stamped carried that. The arrays returned are shared:
 * callers read them (the playout copies frames out), never write.
 */
export class ToneVoice implements AgentVoice {
  readonly engine = 'tone'
  private readonly answers = new Map<string, Int16Array>()

  /** Synthesizes every pitch now (about 0.1 s, once per process), not during a call's answer. */
  constructor() {
    for (let hz = LOWEST_HZ; hz < LOWEST_HZ + PITCHES; hz++) wordTone(hz)
  }

  async speak(text: string): Promise<Int16Array> {
    const kept = this.answers.get(text)
    if (kept) {
      this.answers.delete(text)
      this.answers.set(text, kept)
      return kept
    }
    const audio = synthesize(text)
    this.answers.set(text, audio)
    if (this.answers.size > ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value!)
    return audio
  }
}

function synthesize(text: string): Int16Array {
  const words = text.split(/\s+/).filter(Boolean)
  const out = new Int16Array(words.length * (WORD_SAMPLES + GAP_SAMPLES))
  words.forEach((word, w) => {
    const hz = LOWEST_HZ + ((word.length * 37 + w * 53) % PITCHES)
    out.set(wordTone(hz), w * (WORD_SAMPLES + GAP_SAMPLES))
  })
  return out
}
