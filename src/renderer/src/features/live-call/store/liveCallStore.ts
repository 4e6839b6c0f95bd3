import { create } from 'zustand'
import { callMetricsConfig } from '@shared/live-call/callConfig'
import type { CallInput } from '@shared/live-call/callEvents'
import { callReducer } from '@shared/live-call/callReducer'
import { initialCallState, type CallState } from '@shared/live-call/callState'
import { request } from '@renderer/app/ipc'
import type { CallFailure } from '../engine/callFailure'
import { CallEngine, type CallInfo, type CallPhase } from '../engine/CallEngine'
import { CallEventUploader, type RecordingStatus } from '../engine/CallEventUploader'
import { UNKNOWN_QUALITY, type ConnectionQuality } from '../engine/connectionQuality'
import type { Levels } from '../engine/earMeter'

export interface LiveCallStore {
  phase: CallPhase
  failure: CallFailure | null
  call: CallState
  info: CallInfo | null
  /** Epoch ms when Call was pressed; null before the first call. */
  startedAt: number | null
  endedAt: number | null
  quality: ConnectionQuality
  muted: boolean
  recording: { status: RecordingStatus; message: string | null }
  start(audio: HTMLAudioElement, deviceId: string | null): Promise<void>
  hangup(): Promise<void>
  setMuted(muted: boolean): void
  stopAgentSpeaking(): void
  /** Sends a supervisor's instruction to the agent; false when no call is running. */
  instruct(text: string): boolean
}

// One call at a time: the engine and uploader live beside the store, not in React state.
let engine: CallEngine | null = null
let uploader: CallEventUploader | null = null

export const useLiveCallStore = create<LiveCallStore>()((set) => {
  const feed = (input: CallInput): void => {
    uploader?.add(input)
    set((s) => ({ call: callReducer(s.call, input) }))
  }
  const finishRecording = async (): Promise<void> => {
    const endedAt = Date.now()
    set({ endedAt })
    await uploader?.finish(endedAt)
  }
  return {
    phase: 'idle',
    failure: null,
    call: initialCallState(),
    info: null,
    startedAt: null,
    endedAt: null,
    quality: UNKNOWN_QUALITY,
    muted: false,
    recording: { status: 'idle', message: null },

    async start(audio, deviceId) {
      if (engine && !['idle', 'ended', 'failed'].includes(engine.phase)) return
      const settings = await request('settings.get', {}).catch(() => null)
      const config = callMetricsConfig({ prices: settings?.settings.pricing ?? undefined })
      const startedAt = Date.now()
      set({
        phase: 'starting',
        failure: null,
        call: initialCallState(config),
        info: null,
        startedAt,
        endedAt: null,
        quality: UNKNOWN_QUALITY,
        muted: false,
        recording: { status: 'idle', message: null }
      })
      const rec = (uploader = new CallEventUploader((status, message) =>
        set({ recording: { status, message } })
      ))
      const current = (engine = new CallEngine(audio, {
        input: feed,
        phase: (phase, failure) => {
          set({ phase, failure })
          if (phase === 'failed') void finishRecording()
        },
        started: (info) => {
          set({ info })
          void rec.begin({
            provider: info.provider,
            model: info.model,
            startedAt,
            callId: info.callId,
            pricing: config.prices ?? undefined,
            engine: info.engine
          })
        },
        quality: (quality) => set({ quality })
      }))
      await current.start(deviceId)
    },

    async hangup() {
      await engine?.hangup()
      await finishRecording()
    },

    setMuted(muted) {
      engine?.setMuted(muted)
      set({ muted })
    },

    stopAgentSpeaking() {
      engine?.stopAgentSpeaking()
    },

    instruct(text) {
      return engine?.instruct(text) ?? false
    }
  }
})

/** Mic and remote levels (0–1 RMS), read by the meters on their own timer, not via the store. */
export function currentLevels(): Levels {
  return engine?.levels ?? { mic: 0, remote: 0 }
}

/** Ends a running call when the screen goes away (navigation, window close). */
export function hangupIfActive(): void {
  if (engine && !['idle', 'ended', 'failed'].includes(engine.phase))
    void useLiveCallStore.getState().hangup()
}
