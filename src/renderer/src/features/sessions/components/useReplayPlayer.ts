import { useEffect, useMemo, useState } from 'react'
import {
  ReplayPlayer,
  type ReplayPlayerState,
  type ReplayScheduler
} from '@shared/live-call/replayPlayer'

/** The browser's clock and timers; tests pass their own scheduler instead. */
export const browserScheduler: ReplayScheduler = {
  now: () => performance.now(),
  every: (ms, tick) => {
    const id = window.setInterval(tick, ms)
    return () => window.clearInterval(id)
  }
}

/** A ReplayPlayer bound to React state, stopped when the component goes away. */
export function useReplayPlayer(
  durationMs: number,
  scheduler: ReplayScheduler = browserScheduler
): { player: ReplayPlayer; state: ReplayPlayerState } {
  const [state, setState] = useState<ReplayPlayerState>({ atMs: 0, speed: 1, playing: false })
  const player = useMemo(
    () => new ReplayPlayer(durationMs, scheduler, setState),
    [durationMs, scheduler]
  )
  useEffect(() => () => player.dispose(), [player])
  return { player, state }
}
