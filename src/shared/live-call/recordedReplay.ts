import type { TurnRow } from './recordedCall'
import type { CallMetricsConfig } from './callConfig'
import type { CallInput } from './callEvents'
import { callReducer } from './callReducer'
import { initialCallState, type CallState } from './callState'
import { turnRows } from './turnRows'

/** The call as it stood at one moment of a replay. */
export interface ReplayFrame {
  /** ms since the call's first recorded input. */
  atMs: number
  /** Inputs applied so far. */
  applied: number
  turns: TurnRow[]
}

/**
 * A recorded call replayed through the live screen's reducer: the frame at any call time is
 * the state after every input up to then. Moving forward applies only the new inputs; moving
 * back starts again from the first (the reducer has no undo).
 */
export class RecordedReplay {
  readonly durationMs: number
  private readonly origin: number
  private state: CallState
  private applied = 0

  constructor(
    private readonly inputs: readonly CallInput[],
    private readonly config?: CallMetricsConfig
  ) {
    this.origin = inputs[0]?.t ?? 0
    this.durationMs = inputs.length ? Math.max(0, inputs[inputs.length - 1]!.t - this.origin) : 0
    this.state = initialCallState(config)
  }

  frameAt(atMs: number): ReplayFrame {
    const at = Math.min(Math.max(0, atMs), this.durationMs)
    const behind = this.applied > 0 && this.inputs[this.applied - 1]!.t - this.origin > at
    if (behind) {
      this.state = initialCallState(this.config)
      this.applied = 0
    }
    while (this.applied < this.inputs.length && this.inputs[this.applied]!.t - this.origin <= at) {
      this.state = callReducer(this.state, this.inputs[this.applied]!)
      this.applied += 1
    }
    return { atMs: at, applied: this.applied, turns: turnRows(this.state) }
  }
}
