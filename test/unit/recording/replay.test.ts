import { describe, expect, it } from 'vitest'
import { replayCall } from '../../../src/shared/live-call/callReducer'
import { NORMAL_CALL } from '../../support/callFixtures'
import { RecordedReplay } from '../../../src/shared/live-call/recordedReplay'
import {
  REPLAY_TICK_MS,
  ReplayPlayer,
  type ReplayScheduler
} from '../../../src/shared/live-call/replayPlayer'
import { turnRows } from '../../../src/shared/live-call/turnRows'

/** A clock the test moves by hand, and the one timer the player starts. */
function manualScheduler(): ReplayScheduler & { advance(ms: number): void; timers: number } {
  let now = 1_000_000
  let tick: (() => void) | null = null
  let interval = 0
  let since = 0
  return {
    now: () => now,
    every: (ms, fn) => {
      tick = fn
      interval = ms
      since = 0
      return () => {
        tick = null
      }
    },
    advance(ms) {
      // Fires the timer at each interval boundary, as a real one would.
      for (let step = 0; step < ms; step++) {
        now += 1
        since += 1
        if (tick && since >= interval) {
          since = 0
          tick()
        }
      }
    },
    get timers() {
      return tick ? 1 : 0
    }
  }
}

describe('replay of a recorded call through the shared reducer', () => {
  it('shows the call as it stood at each moment, forward and back', () => {
    const replay = new RecordedReplay(NORMAL_CALL)
    expect(replay.durationMs).toBe(20_000)
    // Before the caller speaks: no turn yet.
    expect(replay.frameAt(2_000).turns).toEqual([])
    // Mid-answer to the first question: the caller's turn is there, the agent is speaking.
    const mid = replay.frameAt(6_000)
    expect(mid.turns).toHaveLength(1)
    expect(mid.turns[0]).toMatchObject({ caller_text: 'Do you have waterproof hiking boots?' })
    expect(mid.turns[0]!.agent_stop_ms).toBeNull()
    // The end equals replaying everything at once (what the recorder stored at hang-up).
    expect(replay.frameAt(20_000).turns).toEqual(turnRows(replayCall(NORMAL_CALL)))
    // Back again: the reducer restarts from the first input.
    const back = replay.frameAt(14_000)
    expect(back.turns.map((t) => t.caller_text)).toEqual([
      'Do you have waterproof hiking boots?',
      'Do they come in size eleven?'
    ])
    expect(back.applied).toBe(NORMAL_CALL.filter((i) => i.t <= 14_000).length)
    expect(replay.frameAt(99_999).atMs).toBe(20_000)
  })
})

describe('replay player: play, pause, speeds and seeking on an injected clock', () => {
  it('moves at the chosen speed, pauses where it is, and stops at the end', () => {
    const clock = manualScheduler()
    const seen: number[] = []
    const player = new ReplayPlayer(20_000, clock, (s) => seen.push(s.atMs))
    player.play()
    expect(clock.timers).toBe(1)
    clock.advance(1_000)
    expect(player.state.atMs).toBe(1_000)
    player.setSpeed(4)
    clock.advance(1_000)
    expect(player.state.atMs).toBe(5_000)
    player.pause()
    expect(player.state).toEqual({ atMs: 5_000, speed: 4, playing: false })
    expect(clock.timers).toBe(0)
    clock.advance(5_000)
    expect(player.state.atMs).toBe(5_000)

    player.seek(18_000)
    player.setSpeed(8)
    player.play()
    clock.advance(10 * REPLAY_TICK_MS)
    expect(player.state).toEqual({ atMs: 20_000, speed: 8, playing: false })
    expect(clock.timers).toBe(0)
    // Play at the end starts again from the beginning.
    player.play()
    expect(player.state.atMs).toBe(0)
    player.dispose()
    expect(seen.every((at) => at >= 0 && at <= 20_000)).toBe(true)
  })

  it('keeps the position while seeking during play, and clamps seeks to the call', () => {
    const clock = manualScheduler()
    const player = new ReplayPlayer(10_000, clock, () => {})
    player.play()
    clock.advance(500)
    player.seek(7_000)
    clock.advance(1_000)
    expect(player.state.atMs).toBe(8_000)
    player.seek(-50)
    expect(player.state.atMs).toBe(0)
    player.seek(1e9)
    expect(player.state.atMs).toBe(10_000)
    player.dispose()
  })
})
