// The session detail's replay drives the call's recorded audio: where the sound should be for
// the replay's position, and whether it should play. Pure, so the rule is tested without media.

/** Off by more than this, the audio jumps to where the replay is (a seek, a late timer). */
export const AUDIO_DRIFT_MS = 300

export interface ReplayAudioInput {
  /** The replay's position: ms since the call's first recorded input. */
  atMs: number
  playing: boolean
  speed: number
  /** Where the audio begins on the replay's time line (its start − the first input's time). */
  offsetMs: number
  /** The recorded audio's length. */
  durationMs: number
  /** Where the audio element is now. */
  audioMs: number
}

export interface ReplayAudioStep {
  /** Move the audio here first (null: it is close enough). */
  seekToMs: number | null
  /** Play (at `rate`) or pause. */
  play: boolean
  rate: number
}

/** What the audio element should do for the replay as it stands. */
export function replayAudioStep(input: ReplayAudioInput): ReplayAudioStep {
  const target = input.atMs - input.offsetMs
  const inside = target >= 0 && target < input.durationMs
  const wanted = Math.min(Math.max(0, target), input.durationMs)
  // At 8× the replay's 100 ms ticks let the sound run ahead further between them.
  const drift = Math.abs(input.audioMs - wanted)
  const seekToMs = drift > AUDIO_DRIFT_MS * Math.max(1, input.speed) ? wanted : null
  return { seekToMs, play: input.playing && inside, rate: input.speed }
}

/** The audio's start on the replay's time line: its clock reading less the first input's. */
export const audioOffsetMs = (audioStartT: number, firstInputT: number | undefined): number =>
  firstInputT === undefined ? 0 : audioStartT - firstInputT
