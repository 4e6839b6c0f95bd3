import type { StoredAlert } from '../../shared/escalation/alertRecords'
import {
  initialEscalationState,
  type EscalationState
} from '../../shared/escalation/escalationState'
import { stepEscalationAll } from '../../shared/escalation/escalationEngine'
import type { EscalationThresholds } from '../../shared/escalation/thresholds'
import type { CallInput } from '../../shared/live-call/callEvents'
import { callReducer } from '../../shared/live-call/callReducer'
import { initialCallState, type CallState } from '../../shared/live-call/callState'
import { newEvents } from '../../shared/live-call/domainEvents'
import type { AlertStore } from './AlertStore'

interface Watched {
  call: CallState
  rules: EscalationState
}

/**
 * The rules on running calls, in main: fed the same inputs the recorder appends (so an alert is
 * stored even if the window dies), through the same reducer and engine as backtests. The
 * thresholds are read when a call's first inputs arrive and kept for the whole call.
 */
export class LiveAlertMonitor {
  private readonly calls = new Map<string, Watched>()

  constructor(
    private readonly alerts: AlertStore,
    private readonly thresholds: () => EscalationThresholds
  ) {}

  /** Feeds a batch of a call's inputs; returns the alerts it raised, as stored. */
  ingest(sessionId: string, inputs: readonly CallInput[]): StoredAlert[] {
    let watched = this.calls.get(sessionId) ?? {
      call: initialCallState(),
      rules: initialEscalationState(this.thresholds())
    }
    const stored: StoredAlert[] = []
    for (const input of inputs) {
      const call = callReducer(watched.call, input)
      const step = stepEscalationAll(watched.rules, newEvents(watched.call, call))
      for (const alert of step.raised)
        stored.push(this.alerts.get(this.alerts.record(sessionId, alert))!)
      watched = { call, rules: step.state }
    }
    this.calls.set(sessionId, watched)
    return stored
  }

  /** Hang-up (or a recovered crash): the call's state is dropped. */
  end(sessionId: string): void {
    this.calls.delete(sessionId)
  }
}
