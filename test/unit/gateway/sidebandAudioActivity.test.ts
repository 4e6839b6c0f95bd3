import { describe, expect, it } from 'vitest'
import { SidebandAudioActivity } from '../../../src/main/gateway/engines/sidebandAudioActivity'

/** `ms` of PCM16 24 kHz, base64: a 220 Hz hum at `amplitude` (0 = silence). */
function pcm(ms: number, amplitude: number): string {
  const samples = Int16Array.from({ length: (ms * 24_000) / 1000 }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * 220 * i) / 24_000))
  )
  return Buffer.from(samples.buffer).toString('base64')
}

const caller = (ms: number, amplitude: number) => ({
  type: 'session.input_audio.append',
  audio: pcm(ms, amplitude)
})
const agent = (startMs: number, amplitude = 6000) => ({
  type: 'session.output_audio.delta',
  delta: pcm(100, amplitude),
  start_ms: startMs,
  end_ms: startMs + 100
})

describe("a Live sideband's reflected audio", () => {
  it("starts the caller's speech after 30 ms of voice and ends it after 500 ms of quiet", () => {
    const ears = new SidebandAudioActivity()
    // 20 ms of voice is not speech yet (a click, a breath).
    expect(ears.read(0, caller(20, 8000))).toEqual([])
    expect(ears.read(100, caller(100, 0))).toEqual([])
    expect(ears.read(200, caller(100, 8000))).toEqual([{ type: 'mic.speech_started' }])
    expect(ears.read(300, caller(400, 0))).toEqual([])
    // Below the floor (-40 dBFS) is quiet too.
    expect(ears.read(700, caller(100, 200))).toEqual([{ type: 'mic.speech_stopped' }])
  })

  it('hears the agent from its first voiced delta until its timeline says the audio played out', () => {
    const ears = new SidebandAudioActivity()
    // Arrival 1000 ms for timeline 0: the agent is audible until about 1000 + 200 + 300.
    expect(ears.read(1_000, agent(0))).toEqual([{ type: 'remote_audio.audible' }])
    expect(ears.read(1_100, agent(100))).toEqual([])
    // A silent delta (a pause) does not extend it; a tick before the end changes nothing.
    expect(ears.read(1_200, agent(200, 0))).toEqual([])
    expect(ears.read(1_450, { type: 'clock.tick' })).toEqual([])
    expect(ears.read(1_550, { type: 'clock.tick' })).toEqual([{ type: 'remote_audio.silent' }])
    expect(ears.read(1_800, { type: 'clock.tick' })).toEqual([])
    // Its next answer is heard again.
    expect(ears.read(3_000, agent(2_000))).toEqual([{ type: 'remote_audio.audible' }])
  })
})
