import { useEffect, useState } from 'react'
import type { BoardSnapshot } from '@shared/team/boardSnapshot'
import { request } from '@renderer/app/ipc'
import { useIpcEvent } from '@renderer/app/useIpcEvent'

/**
 * The wallboard as main keeps it: read once, then every snapshot main announces. `undefined`
 * while loading; null when this console is not recording on the team database.
 */
export function useLiveCallsBoard(): BoardSnapshot | null | undefined {
  const [board, setBoard] = useState<BoardSnapshot | null | undefined>(undefined)
  useEffect(() => {
    let current = true
    request('team.board', {}).then(
      (read) => current && setBoard((seen) => seen ?? read),
      () => current && setBoard(null)
    )
    return () => {
      current = false
    }
  }, [])
  useIpcEvent('team.board', setBoard)
  return board
}

/** Milliseconds since mount, advanced every second: durations count between snapshots. */
export function useSecondsTicker(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [])
  return now
}
