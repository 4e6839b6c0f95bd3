/** Everything the simulator sends or receives as audio is 48 kHz mono, 10 ms per WebRTC frame. */
export const SAMPLE_RATE = 48_000
export const FRAME_SAMPLES = 480
export const FRAME_MS = 10

/** Turns an answer's text into 48 kHz mono PCM. */
export interface AgentVoice {
  readonly engine: 'espeak-ng' | 'tone'
  speak(text: string, language: string): Promise<Int16Array>
}
