import { useCallback, useEffect, useState } from 'react'
import { base64ToBytes } from '@shared/live-call/bytesBase64'
import type { CallAudioInfo, CallAudioPage, CallAudioRemoval } from '@shared/live-call/callAudio'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'

/** A call's recorded audio, ready for an <audio> element (a blob: URL, allowed by the CSP). */
export interface CallAudio {
  info: CallAudioInfo
  url: string
}

export interface CallAudioState {
  /** Null once loaded when the call has no recorded audio. */
  audio: CallAudio | null
  /** Set when the call's audio was recorded and then deleted: who and when. */
  removal: CallAudioRemoval | null
  error: IpcError | null
  loading: boolean
}

/** The state, and what the screen calls once it has deleted the audio. */
export type CallAudioView = CallAudioState & { removed: (removal: CallAudioRemoval) => void }

/**
 * Reads a call's audio page by page (`recording.audio`), joins its chunks in order into one
 * Blob, and hands out its URL; the URL is revoked when the session is closed or changes, or the
 * audio is deleted. A call without audio says whether it was deleted (`recording.audioRemoval`).
 */
export function useCallAudio(sessionId: string): CallAudioView {
  const [state, setState] = useState<CallAudioState & { of: string | null }>({
    audio: null,
    removal: null,
    error: null,
    loading: true,
    of: null
  })
  useEffect(() => {
    let current = true
    let url: string | null = null
    void (async () => {
      const parts: Uint8Array<ArrayBuffer>[] = []
      let info: CallAudioInfo | null = null
      for (let from: number | null = 0; from !== null;) {
        const page: CallAudioPage | null = await request('recording.audio', {
          sessionId,
          fromSeq: from
        })
        if (!page) break
        info = page.info
        for (const chunk of page.chunks) parts.push(base64ToBytes(chunk.data))
        from = page.nextSeq
      }
      const removal = info ? null : await request('recording.audioRemoval', { sessionId })
      if (!current) return
      if (info) url = URL.createObjectURL(new Blob(parts, { type: info.mimeType }))
      setState({
        audio: info && url ? { info, url } : null,
        removal,
        error: null,
        loading: false,
        of: sessionId
      })
    })().catch((error: unknown) => {
      if (current)
        setState({
          audio: null,
          removal: null,
          error: toIpcError('recording.audio', error),
          loading: false,
          of: sessionId
        })
    })
    return () => {
      current = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [sessionId])
  const removed = useCallback(
    (removal: CallAudioRemoval) =>
      setState((before) => {
        if (before.audio) URL.revokeObjectURL(before.audio.url)
        return { ...before, audio: null, removal }
      }),
    []
  )
  // Another session's audio is never shown while this one's loads.
  return state.of === sessionId
    ? {
        audio: state.audio,
        removal: state.removal,
        error: state.error,
        loading: state.loading,
        removed
      }
    : { audio: null, removal: null, error: null, loading: true, removed }
}
