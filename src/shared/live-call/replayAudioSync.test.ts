import { describe, expect, it } from 'vitest'
import { audioOffsetMs, replayAudioStep } from './replayAudioSync'

const base = { atMs: 0, playing: false, speed: 1, offsetMs: 500, durationMs: 10_000, audioMs: 0 }

describe('replayAudioStep', () => {
  it('plays the audio from where the replay is once the recording has begun', () => {
    // Before the audio began (the call was connecting): silent, held at its start.
    expect(replayAudioStep({ ...base, atMs: 200, playing: true })).toEqual({
      seekToMs: null,
      play: false,
      rate: 1
    })
    expect(replayAudioStep({ ...base, atMs: 700, playing: true, audioMs: 150 })).toEqual({
      seekToMs: null,
      play: true,
      rate: 1
    })
  })

  it('follows a seek, a pause and the speed, and stops at the end of the recording', () => {
    expect(replayAudioStep({ ...base, atMs: 6500, audioMs: 1000 })).toEqual({
      seekToMs: 6000,
      play: false,
      rate: 1
    })
    expect(
      replayAudioStep({ ...base, atMs: 6500, playing: true, speed: 4, audioMs: 4000 })
    ).toEqual({ seekToMs: 6000, play: true, rate: 4 })
    // A little behind at 4×: within the wider tolerance, left alone.
    expect(
      replayAudioStep({ ...base, atMs: 6500, playing: true, speed: 4, audioMs: 5300 }).seekToMs
    ).toBeNull()
    expect(replayAudioStep({ ...base, atMs: 12_000, playing: true, audioMs: 10_000 })).toEqual({
      seekToMs: null,
      play: false,
      rate: 1
    })
  })

  it('places the audio on the replay time line by the clock both share', () => {
    expect(audioOffsetMs(1500.5, 1000.5)).toBe(500)
    expect(audioOffsetMs(1500, undefined)).toBe(0)
  })
})
