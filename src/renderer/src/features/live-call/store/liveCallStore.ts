import { create } from 'zustand'
import { callMetricsConfig } from '@shared/live-call/callConfig'
import type { CallInput } from '@shared/live-call/callEvents'
import { callReducer } from '@shared/live-call/callReducer'
import { initialCallState, type CallState } from '@shared/live-call/callState'
import { request } from '@renderer/app/ipc'
import type { CallFailure } from '../engine/callFailure'
import { CallEngine, type CallInfo, type CallPhase } from '../engine/CallEngine'
import { CallEventUploader, type RecordingStatus } from '../engine/CallEventUploader'
import { CallAudioCapture } from '../engine/CallAudioCapture'
import { CallAudioUploader, type AudioUploadStatus } from '../engine/CallAudioUploader'
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
  /**
   * The call's audio (Settings → Record call audio): off (not recorded), recording, delayed
   * (main has not taken it for a while), failed (some or all of it could not be saved).
   */
  audio: CallAudioState
  start(audio: HTMLAudioElement, deviceId: string | null): Promise<void>
  hangup(): Promise<void>
  setMuted(muted: boolean): void
  stopAgentSpeaking(): void
  /** Sends a supervisor's instruction to the agent; false when no call is running. */
  instruct(text: string): boolean
}

export type CallAudioState = 'off' | 'recording' | 'delayed' | 'failed'

// One call at a time: the engine and uploaders live beside the store, not in React state.
let engine: CallEngine | null = null
let uploader: CallEventUploader | null = null
let audioCapture: CallAudioCapture | null = null
let audioUploader: CallAudioUploader | null = null

const shownAudio = (status: AudioUploadStatus): CallAudioState =>
  status === 'done' ? 'off' : status

export const useLiveCallStore = create<LiveCallStore>()((set) => {
  const feed = (input: CallInput): void => {
    uploader?.add(input)
    set((s) => ({ call: callReducer(s.call, input) }))
  }
  /** Stops the recorder and stores its last second before the session is written. */
  const finishAudio = async (): Promise<void> => {
    const capture = audioCapture
    const upload = audioUploader
    audioCapture = null
    audioUploader = null
    if (!upload) return
    await capture?.stop().catch(() => undefined)
    set({ audio: shownAudio(await upload.finish()) })
  }
  const finishRecording = async (): Promise<void> => {
    const endedAt = Date.now()
    set({ endedAt })
    await finishAudio()
    await uploader?.finish(endedAt)
  }
  /** Mixes each side's stream into the call's audio recording, begun with the first. */
  const recordAudio = (upload: CallAudioUploader, stream: MediaStream): void => {
    if (upload !== audioUploader) return
    try {
      if (!audioCapture) {
        const capture = (audioCapture = new CallAudioCapture((piece) => upload.add(piece)))
        void capture.start().then(
          () => set({ audio: 'recording' }),
          () => set({ audio: 'failed' })
        )
      }
      audioCapture.add(stream)
    } catch {
      // No MediaRecorder or Web Audio here: the call goes on, and the screen says it is unrecorded.
      set({ audio: 'failed' })
    }
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
    audio: 'off',

    async start(audio, deviceId) {
      if (engine && !['idle', 'ended', 'failed'].includes(engine.phase)) return
      const settings = await request('settings.get', {}).catch(() => null)
      const config = callMetricsConfig({ prices: settings?.settings.pricing ?? undefined })
      await finishAudio()
      const audioUpload = settings?.settings.recordAudio
        ? (audioUploader = new CallAudioUploader((status) => set({ audio: shownAudio(status) })))
        : null
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
        recording: { status: 'idle', message: null },
        audio: 'off'
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
          const begun = rec.begin({
            provider: info.provider,
            model: info.model,
            startedAt,
            callId: info.callId,
            pricing: config.prices ?? undefined,
            engine: info.engine
          })
          audioUpload?.useSession(begun.then(() => rec.session))
        },
        quality: (quality) => set({ quality }),
        media: (stream) => {
          if (audioUpload) recordAudio(audioUpload, stream)
        }
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
