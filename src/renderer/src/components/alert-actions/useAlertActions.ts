import { useState } from 'react'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'
import type { AlertAction, AlertActionKind, StoredAlert } from '@shared/escalation/alertRecords'

/** The call this window is running, when the alert belongs to it; null otherwise. */
export interface LiveCallControls {
  /** False when the instruction could not be sent (the call is no longer up). */
  instruct(text: string): boolean
  stopAgent(): void
  /** The normal hang-up path, so the call is recorded as any other. */
  endCall(): Promise<void>
}

type Distribute<T> = T extends unknown ? Omit<T, 'alertId'> : never
export type ActionInput = Distribute<AlertAction>

export interface AlertActions {
  error: IpcError | null
  /** A local refusal (no call to instruct). */
  notice: 'noCall' | null
  clear(): void
  log(action: ActionInput): Promise<StoredAlert | null>
  instruct(text: string): void
  stopAgent(): void
  endCall(): void
  escalate(): void
}

/**
 * A supervisor's actions on one alert: each is logged through alerts.act (main stores who and
 * when); instruct, stop and end call also act on the live call when there is one.
 */
export function useAlertActions(
  alert: StoredAlert,
  live: LiveCallControls | null,
  onActed: (updated: StoredAlert, action: AlertActionKind) => void,
  /** The handoff note main wrote: shown by the screen, which outlives a settled alert's card. */
  onHandoff: (note: string) => void
): AlertActions {
  const [error, setError] = useState<IpcError | null>(null)
  const [notice, setNotice] = useState<'noCall' | null>(null)
  const log = async (action: ActionInput): Promise<StoredAlert | null> => {
    try {
      const updated = await request('alerts.act', { ...action, alertId: alert.alertId })
      onActed(updated, action.action)
      if (action.action === 'escalate' && updated.actionNote) onHandoff(updated.actionNote)
      return updated
    } catch (e) {
      setError(toIpcError('alerts.act', e))
      return null
    }
  }
  return {
    error,
    notice,
    clear: () => {
      setError(null)
      setNotice(null)
    },
    log,
    instruct: (text) => {
      if (!live?.instruct(text)) return setNotice('noCall')
      void log({ action: 'instruct', instruction: text })
    },
    stopAgent: () => {
      live?.stopAgent()
      void log({ action: 'stop_agent' })
    },
    endCall: () => {
      // Logged once the call is recorded: the log then also marks the fresh session row
      // escalated if the call was (AlertStore syncs the flag on every action).
      void (live?.endCall() ?? Promise.resolve()).then(() => log({ action: 'end_call' }))
    },
    escalate: () => void log({ action: 'escalate' })
  }
}
