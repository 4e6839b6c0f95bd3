import type { ToPage } from '../../../../shared/demo-peer/pagePeerProtocol'
import { pcmFromBase64, pcmToBase64 } from '../../../../shared/demo-peer/pcmBase64'
import { SAMPLE_RATE } from '../../audio/agentVoice'
import type { EventTransport } from '../../call/EventChannel'
import type { CallPeer, PeerHandlers } from '../callPeer'
import { FramePacer } from '../FramePacer'

type ConnectionState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed'

/** One call whose WebRTC side lives in the peer page: main keeps the pacing and the protocol. */
export class PagePeer implements CallPeer {
  private pacer: FramePacer | null = null
  private channelOpen = false
  private channelSeen = false
  private closed = false

  constructor(
    readonly peerId: string,
    private readonly handlers: PeerHandlers,
    private readonly send: (message: ToPage) => void,
    private readonly forget: (peerId: string) => void
  ) {}

  connectionChanged(state: ConnectionState): void {
    if (state === 'connected' && !this.pacer) {
      this.pacer = new FramePacer(this.handlers.pullFrame, (frame) => this.speak(frame))
      this.handlers.onConnected()
    }
    if (state === 'failed' || state === 'closed') this.close(`connection ${state}`)
  }

  /** The call's one event channel: a repeated report (or a second channel) is ignored. */
  channelOpened(label: string): void {
    if (this.channelSeen || this.closed) return
    this.channelSeen = true
    this.channelOpen = true
    const open = (): boolean => this.channelOpen && !this.closed
    const transport: EventTransport = {
      get isOpen() {
        return open()
      },
      send: (text) => {
        if (!open()) return false
        this.send({ type: 'send', peerId: this.peerId, text })
        return true
      },
      close: () => {
        this.channelOpen = false
        this.send({ type: 'close-channel', peerId: this.peerId })
      }
    }
    this.handlers.onChannelOpen(transport, label)
  }

  channelClosed(): void {
    this.channelOpen = false
  }

  received(text: string): void {
    if (!this.closed) this.handlers.onMessage(text)
  }

  heard(pcm: string): void {
    if (!this.closed) this.handlers.onAudio(pcmFromBase64(pcm), SAMPLE_RATE)
  }

  close(reason = 'hangup'): void {
    if (this.closed) return
    this.closed = true
    this.channelOpen = false
    this.pacer?.stop()
    this.send({ type: 'close', peerId: this.peerId })
    this.forget(this.peerId)
    this.handlers.onClosed(reason)
  }

  private speak(frame: Int16Array): void {
    if (!this.closed)
      this.send({ type: 'agent-audio', peerId: this.peerId, pcm: pcmToBase64(frame) })
  }
}
