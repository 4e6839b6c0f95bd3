import { useEffect, useRef, useState } from 'react'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { FollowedCall } from '@shared/team/followedCall'
import {
  applyFollowedChunk,
  initialFollowedView,
  type FollowedCallView
} from '@shared/team/followedCallView'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'
import type { CallView } from '@renderer/features/live-call'

export interface FollowedCallFeed {
  /** The call's reducer state, for the live call's panels (CallViewContext). */
  store: StoreApi<CallView>
  /** The call's row once main answered; null before. */
  call: FollowedCall | null
  /** The recording has reached its end (the call is over). */
  ended: boolean
  /** Whether any chunk arrived yet (the catch-up is in). */
  caughtUp: boolean
  error: IpcError | null
}

const freshView = (): FollowedCallView => initialFollowedView()

/**
 * Follows one team call while the component is mounted: main sends its recorded inputs from the
 * first, then each batch as it is stored (`team.callRecorded`), and they go through the desk's
 * reducer here. Unmounting (or the page going away) lets go; a chunk that does not follow on
 * from the last starts the follow again from the first input.
 */
export function useFollowedCall(sessionId: string): FollowedCallFeed {
  const [store] = useState(() => createStore<CallView>(() => ({ call: freshView().call })))
  const view = useRef<FollowedCallView>(freshView())
  const [attempt, setAttempt] = useState(0)
  const [call, setCall] = useState<FollowedCall | null>(null)
  const [ended, setEnded] = useState(false)
  const [caughtUp, setCaughtUp] = useState(false)
  const [error, setError] = useState<IpcError | null>(null)
  useEffect(() => {
    // Named here: its first chunks may arrive before the request's answer.
    const followId = crypto.randomUUID()
    view.current = freshView()
    store.setState({ call: view.current.call })
    const off = window.api.on('team.callRecorded', (chunk) => {
      if (chunk.followId !== followId) return
      const next = applyFollowedChunk(view.current, chunk)
      if (next === view.current) return
      view.current = next
      if (next.gap) return setAttempt((n) => n + 1)
      store.setState({ call: next.call })
      setCaughtUp(true)
      if (next.ended) setEnded(true)
    })
    let current = true
    request('team.followCall', { followId, sessionId }).then(
      (row) => {
        if (current) setCall(row)
      },
      (e: unknown) => current && setError(toIpcError('team.followCall', e))
    )
    const leave = (): void => void request('team.unfollowCall', { followId }).catch(() => null)
    window.addEventListener('pagehide', leave)
    return () => {
      current = false
      off()
      window.removeEventListener('pagehide', leave)
      leave()
    }
  }, [sessionId, attempt, store])
  return { store, call, ended, caughtUp, error }
}
