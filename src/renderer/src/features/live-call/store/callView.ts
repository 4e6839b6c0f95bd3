import { createContext, useContext } from 'react'
import { useStore, type StoreApi } from 'zustand'
import type { CallState } from '@shared/live-call/callState'
import { useLiveCallStore } from './liveCallStore'

/** What the call's panels read: one call's reducer state. */
export interface CallView {
  call: CallState
}

/** A store of one call's state, read-only to the panels. */
export type CallViewSource = Pick<StoreApi<CallView>, 'getState' | 'getInitialState' | 'subscribe'>

/**
 * Which call the transcript, barge-in, latency, speaking and tool panels show: the desk's own
 * call, unless a provider names another (a team call followed from the wallboard).
 */
export const CallViewContext = createContext<CallViewSource>(useLiveCallStore)

export function useCallView<T>(selector: (view: CallView) => T): T {
  return useStore(useContext(CallViewContext), selector)
}
