import type { Events } from '../../../shared/ipc/contract'
import type { HandlersFor } from '../../../shared/ipc/route'
import type { RecordedInput } from '../../../shared/live-call/recordedCall'
import type { recordingRoutes } from '../../../shared/ipc/routes/recordingRoutes'
import type { PriceTable } from '../../../shared/live-call/callConfig'
import type { CallInput } from '../../../shared/live-call/callEvents'
import type { CallRecorder } from '../../recording/CallRecorder'

type Emit = <E extends keyof Events>(name: E, payload: Events[E]) => void

/** Who else hears a call's inputs as they are recorded (the live escalation rules). */
export interface CallListener {
  inputs(sessionId: string, inputs: readonly CallInput[]): void
  ended(sessionId: string): void
}

/** Recording of live calls: the renderer's call engine begins, appends and finishes. */
export function recordingHandlers(
  recorder: CallRecorder,
  emit: Emit,
  /** The Settings screen's prices: what the live cost estimate used when begin names none. */
  currentPricing: () => PriceTable,
  listener?: CallListener
): HandlersFor<typeof recordingRoutes> {
  return {
    'recording.begin': async (call) => ({
      sessionId: recorder.begin({ ...call, pricing: call.pricing ?? currentPricing() })
    }),
    // Parsed as { t, event: { type, …rest } }: the reducer reads what it knows of the rest.
    'recording.append': async ({ sessionId, events }) => {
      const stored = recorder.append(sessionId, events as CallInput[])
      // After the append succeeded: rules only ever see inputs that are on disk.
      listener?.inputs(sessionId, events as CallInput[])
      return { stored }
    },
    'recording.finish': async ({ sessionId, endedAt }) => {
      const session = await recorder.finish(sessionId, endedAt)
      listener?.ended(sessionId)
      // Sessions and Reports refresh on this, so the call shows up as soon as it is hung up.
      emit('sessions.changed', { reason: 'recorded', count: 1 })
      return session
    },
    'recording.get': async ({ sessionId }) => recorder.get(sessionId),
    // Stored as appended, so each parses back to what recording.append accepted.
    'recording.events': async ({ sessionId }) => ({
      inputs: recorder.recordedInputs(sessionId) as unknown as RecordedInput[]
    })
  }
}
