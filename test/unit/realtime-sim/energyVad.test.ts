import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  EnergyVad,
  MIN_SPEECH_MS,
  thresholdToRms,
  type VadEvent
} from '../../../src/shared/realtime/energyVad'
import { FRAME_SAMPLES } from '../../../src/main/realtime-sim/audio/agentVoice'
import { parseWav } from '../../../src/main/realtime-sim/audio/wav'
import { useTempDir } from '../../support/tempDir'

const hasTools = ['espeak-ng', 'sox'].every(
  (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0
)
if (!hasTools && process.env['CI']) throw new Error('CI: VAD tests need espeak-ng and sox')
const SETTINGS = { threshold: 0.5, prefixPaddingMs: 300, silenceDurationMs: 500 }

/** Feeds a recording in 10 ms frames, as the WebRTC sink delivers it. */
function runVad(samples: Int16Array, sampleRate: number, settings = SETTINGS): VadEvent[] {
  const vad = new EnergyVad(settings, sampleRate)
  const events: VadEvent[] = []
  for (let at = 0; at < samples.length; at += FRAME_SAMPLES)
    events.push(...vad.push(samples.subarray(at, at + FRAME_SAMPLES)))
  return events
}

/** Reference speech span by a different method than the VAD: first and last sample above 1%. */
function speechSpan(samples: Int16Array, sampleRate: number): [number, number] {
  const loud = (s: number): boolean => Math.abs(s) > 328
  const first = samples.findIndex(loud)
  const last = samples.findLastIndex(loud)
  return [(first * 1000) / sampleRate, (last * 1000) / sampleRate]
}

describe.runIf(hasTools)('energy VAD on espeak-ng recordings', { timeout: 30_000 }, () => {
  const tmp = useTempDir()

  function recording(language: string, text: string, padMs: [number, number]) {
    const raw = join(tmp.path(), `${language}-raw.wav`)
    const wav = join(tmp.path(), `${language}.wav`)
    execFileSync('espeak-ng', ['-v', language, '-w', raw, text])
    execFileSync('sox', [
      raw,
      '-r',
      '48000',
      '-c',
      '1',
      '-b',
      '16',
      wav,
      'pad',
      `${padMs[0] / 1000}`,
      `${padMs[1] / 1000}`
    ])
    return parseWav(readFileSync(wav))
  }

  it.each([
    ['en-us', 'Hi, do you have waterproof hiking boots under two hundred dollars?'],
    ['es', '¿Tienen botas impermeables de montaña por menos de doscientos dólares?'],
    ['fr-fr', 'Bonjour, avez-vous des chaussures de randonnée imperméables?']
  ])(
    'finds one turn in a %s caller, at the speech onset and after the silence window',
    (language, text) => {
      const { samples, sampleRate } = recording(language, text, [1000, 1500])
      const [onsetMs, endMs] = speechSpan(samples, sampleRate)
      const events = runVad(samples, sampleRate)
      expect(events.map((e) => e.type)).toEqual(['speech_started', 'speech_stopped'])
      const [started, stopped] = events as [
        Extract<VadEvent, { type: 'speech_started' }>,
        Extract<VadEvent, { type: 'speech_stopped' }>
      ]
      // Frame-aligned: the onset falls in the frame where speech passes -40 dBFS, within 2 frames.
      expect(started.onsetMs).toBeGreaterThanOrEqual(Math.floor(onsetMs / 10) * 10 - 10)
      expect(started.onsetMs).toBeLessThanOrEqual(onsetMs + 20)
      expect(started.audioStartMs).toBe(started.onsetMs - SETTINGS.prefixPaddingMs)
      expect(stopped.audioEndMs - stopped.lastVoicedMs).toBe(SETTINGS.silenceDurationMs)
      expect(stopped.lastVoicedMs).toBeLessThanOrEqual(endMs + 20)
      expect(stopped.lastVoicedMs).toBeGreaterThan(endMs - 300)
    }
  )

  it('splits two lines a second apart and joins words a short pause apart', () => {
    const a = recording('en-us', 'Can you tell me about your tents?', [1000, 1000])
    const b = recording('en-us', 'Sorry, which one is lighter?', [0, 2000])
    const both = new Int16Array(a.samples.length + b.samples.length)
    both.set(a.samples)
    both.set(b.samples, a.samples.length)
    expect(runVad(both, 48000).map((e) => e.type)).toEqual([
      'speech_started',
      'speech_stopped',
      'speech_started',
      'speech_stopped'
    ])
    const longSilence = { ...SETTINGS, silenceDurationMs: 1500 }
    expect(runVad(both, 48000, longSilence).map((e) => e.type)).toEqual([
      'speech_started',
      'speech_stopped'
    ])
  })

  it('ignores speech below a high threshold', () => {
    const { samples, sampleRate } = recording('en-us', 'Do they come in wide sizes?', [500, 800])
    const quiet = samples.map((s) => Math.round(s / 20))
    expect(runVad(quiet, sampleRate)).toHaveLength(2)
    expect(runVad(quiet, sampleRate, { ...SETTINGS, threshold: 0.8 })).toEqual([])
  })
})

describe('energy VAD, synthetic frames', () => {
  const frame = (amplitude: number) =>
    Int16Array.from({ length: FRAME_SAMPLES }, (_, i) => (i % 2 ? amplitude : -amplitude))

  it('maps the threshold to a level that rises with it', () => {
    expect(thresholdToRms(0.5)).toBeCloseTo(0.01, 4)
    expect(thresholdToRms(0.9)).toBeGreaterThan(thresholdToRms(0.5))
  })

  it(`needs ${MIN_SPEECH_MS} ms of loud audio, so a click does not start a turn`, () => {
    const vad = new EnergyVad(SETTINGS, 48000)
    const loud = frame(8000)
    expect(vad.push(loud)).toEqual([])
    expect(vad.push(frame(0))).toEqual([])
    expect(vad.push(loud)).toEqual([])
    expect(vad.push(loud)).toEqual([])
    expect(vad.push(loud)).toEqual([{ type: 'speech_started', onsetMs: 20, audioStartMs: 0 }])
  })

  it('keeps times relative to the session when rebuilt mid-call', () => {
    const vad = new EnergyVad(SETTINGS, 48000, 48000 * 2)
    for (let i = 0; i < 2; i++) vad.push(frame(8000))
    expect(vad.push(frame(8000))).toEqual([
      { type: 'speech_started', onsetMs: 2000, audioStartMs: 1700 }
    ])
  })
})
