import type { EventTransport } from '../call/EventChannel'

/** What a call's WebRTC side connects to: the call's protocol state. */
export interface PeerHandlers {
  onChannelOpen(transport: EventTransport, label: string): void
  /** The media path is up (ICE and DTLS connected), with or without an event channel. */
  onConnected(): void
  onMessage(text: string): void
  onAudio(samples: Int16Array, sampleRate: number): void
  pullFrame(): Int16Array | null
  onClosed(reason: string): void
}

/** The WebRTC side of one call, whichever implementation holds it. */
export interface CallPeer {
  close(reason?: string): void
}

/**
 * Answers a caller's SDP offer with a new peer; the answer carries every ICE candidate (no
 * trickle, like the API). Implementations: wrtc in this process (`answerWithWrtc`), or a
 * Chromium page (`PagePeerHost`), which is what works inside Electron.
 */
export type AnswerCall = (
  offerSdp: string,
  handlers: PeerHandlers
) => Promise<{ peer: CallPeer; sdp: string }>
