import type { Events } from '../../../shared/ipc/contract'
import type { HandlersFor } from '../../../shared/ipc/route'
import type { RecordedInput } from '../../../shared/live-call/recordedCall'
import type { recordingRoutes } from '../../../shared/ipc/routes/recordingRoutes'
import type { PriceTable } from '../../../shared/live-call/callConfig'
import type { CallInput } from '../../../shared/live-call/callEvents'
import { AudioRefusedError, type CallAudioStore } from '../../recording/CallAudioStore'
import type { CallRecorder } from '../../recording/CallRecorder'
import type { LiveCallPipeline } from '../../recording/LiveCallPipeline'

type Emit = <E extends keyof Events>(name: E, payload: Events[E]) => void

export interface RecordingHandlerDeps {
  recorder: CallRecorder
  /** Calls' recorded audio (Settings → Record call audio). */
  audio: Pick<CallAudioStore, 'append' | 'page' | 'remove' | 'removal'>
  /** Who deletes a call's audio: the seat in team mode, else the computer's user. */
  actor: () => string
  /** Team mode: only a supervisor's seat deletes a call's audio; one desk: always. */
  mayRemoveAudio: () => boolean
  /** Where appended inputs go: recorded, ruled on, their alerts announced. */
  liveCalls: Pick<LiveCallPipeline, 'ingest' | 'end'>
  emit: Emit
  /** The Settings screen's prices: what the live cost estimate used when begin names none. */
  currentPricing: () => PriceTable
  /** Told of each call's life here (team mode: the wallboard's heartbeat); absent: nobody. */
  observer?: CallObserver
}

/** Who follows this desk's calls as they run (TeamLive). Never fails a call. */
export interface CallObserver {
  callBegan(sessionId: string, startedAtMs: number): void
  callInputs(sessionId: string, inputs: readonly CallInput[]): void
  /** The inputs are stored: consoles following the call read them (team mode). */
  callRecorded?(sessionId: string, inputs: number): void
  callEnded(sessionId: string): void
}

/** A call event as the route's schema sees it: an object with a string type and any more. */
const asRecordedInput = ({ t, event }: CallInput): RecordedInput => ({ t, event: { ...event } })

/** Recording of live calls: the renderer's call engine begins, appends and finishes. */
export function recordingHandlers({
  recorder,
  audio,
  actor,
  mayRemoveAudio,
  liveCalls,
  emit,
  currentPricing,
  observer
}: RecordingHandlerDeps): HandlersFor<typeof recordingRoutes> {
  return {
    'recording.begin': async (call) => {
      const sessionId = await recorder.begin({
        ...call,
        pricing: call.pricing ?? currentPricing()
      })
      observer?.callBegan(sessionId, call.startedAt)
      return { sessionId }
    },
    // Parsed as { t, event: { type, …rest } }: the reducer reads what it knows of the rest.
    'recording.append': async ({ sessionId, events }) => {
      const stored = await liveCalls.ingest(sessionId, events as CallInput[])
      observer?.callInputs(sessionId, events as CallInput[])
      observer?.callRecorded?.(sessionId, stored)
      return { stored }
    },
    'recording.finish': async ({ sessionId, endedAt }) => {
      observer?.callEnded(sessionId)
      let session
      try {
        session = await recorder.finish(sessionId, endedAt)
      } catch (error) {
        // Kept as a failed call (Sessions lists it): the rules are done with it all the same.
        liveCalls.end(sessionId)
        emit('sessions.changed', { reason: 'recorded', count: 0 })
        throw error
      }
      liveCalls.end(sessionId)
      // Sessions and Reports refresh on this, so the call shows up as soon as it is hung up.
      emit('sessions.changed', { reason: 'recorded', count: 1 })
      return session
    },
    // Reads of a call wait for its queued writes (an import holding the lock delays them).
    'recording.get': async ({ sessionId }) => {
      await recorder.settled()
      return recorder.get(sessionId)
    },
    // Stored as appended, so each parses back to what recording.append accepted.
    'recording.events': async ({ sessionId }) => {
      await recorder.settled()
      return { inputs: (await recorder.recordedInputs(sessionId)).map(asRecordedInput) }
    },
    'recording.appendAudio': async ({ sessionId, ...chunk }) => ({
      stored: await audio.append(sessionId, chunk)
    }),
    'recording.audio': async ({ sessionId, fromSeq }) => audio.page(sessionId, fromSeq),
    'recording.removeAudio': async ({ sessionId }) => {
      if (!mayRemoveAudio())
        throw new AudioRefusedError(
          "Only a supervisor's seat deletes a call's audio: ask a supervisor to delete it"
        )
      return audio.remove(sessionId, actor())
    },
    'recording.audioRemoval': async ({ sessionId }) => audio.removal(sessionId),
    'recording.unfinalized': async () => recorder.unfinalized()
  }
}
