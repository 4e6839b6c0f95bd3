import { spawn } from 'node:child_process'
import { type AgentVoice, SAMPLE_RATE } from './agentVoice'
import { resample } from './resample'
import { parseWav } from './wav'

const VOICES: Record<string, string> = { en: 'en-us', es: 'es', fr: 'fr-fr' }

/** Speaks with espeak-ng (its WAV on stdout, resampled to 48 kHz); caches repeated answers. */
export class EspeakVoice implements AgentVoice {
  readonly engine = 'espeak-ng'
  private readonly cache = new Map<string, Promise<Int16Array>>()

  /** `command`: espeak-ng on PATH, or its full path (see findEspeak). */
  constructor(private readonly command = 'espeak-ng') {}

  speak(text: string, language: string): Promise<Int16Array> {
    const voice = VOICES[language] ?? language
    const key = `${voice}\n${text}`
    let audio = this.cache.get(key)
    if (!audio) {
      audio = this.synthesize(text, voice)
      this.cache.set(key, audio)
      audio.catch(() => this.cache.delete(key))
    }
    return audio
  }

  private synthesize(text: string, voice: string): Promise<Int16Array> {
    return new Promise((resolve, reject) => {
      // The text goes on stdin, so nothing in a scenario is read as an option.
      const child = spawn(this.command, ['-v', voice, '--stdout'], { stdio: 'pipe' })
      const chunks: Buffer[] = []
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
      child.on('error', reject)
      child.on('close', (code) => {
        if (code !== 0) return reject(new Error(`espeak-ng exited with ${code}`))
        try {
          const wav = parseWav(Buffer.concat(chunks))
          resolve(resample(wav.samples, wav.sampleRate, SAMPLE_RATE))
        } catch (error) {
          reject(error as Error)
        }
      })
      child.stdin.end(text)
    })
  }
}
