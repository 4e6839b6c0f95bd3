import { FromPage } from '../../../../shared/demo-peer/pagePeerProtocol'
import type { AnswerCall } from '../callPeer'
import type { PageLink } from './PageLink'
import { PagePeer } from './PagePeer'

const ANSWER_TIMEOUT_MS = 10_000

interface Pending {
  resolve(sdp: string): void
  reject(error: Error): void
}

/**
 * Main's side of the peer page: answers each call's offer through the page (Chromium's own
 * WebRTC), then relays the data channel both ways, hears the caller's 10 ms frames and paces the
 * agent's frames to the page. Everything from the page is parsed; anything else is dropped.
 */
export class PagePeerHost {
  private readonly peers = new Map<string, PagePeer>()
  private readonly pending = new Map<string, Pending>()
  private nextId = 1
  /** Messages from the page that failed validation (a bug or a hostile page: never acted on). */
  rejected = 0

  constructor(
    private readonly link: PageLink,
    private readonly answerTimeoutMs = ANSWER_TIMEOUT_MS
  ) {
    link.onMessage((raw) => this.receive(raw))
  }

  readonly answer: AnswerCall = async (offerSdp, handlers) => {
    const peerId = `peer_${this.nextId++}`
    const peer = new PagePeer(
      peerId,
      handlers,
      (m) => this.link.send(m),
      (id) => this.forget(id)
    )
    this.peers.set(peerId, peer)
    try {
      const sdp = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('The peer page did not answer in time')),
          this.answerTimeoutMs
        )
        const settle = { resolve, reject }
        this.pending.set(peerId, {
          resolve: (value) => (clearTimeout(timer), settle.resolve(value)),
          reject: (error) => (clearTimeout(timer), settle.reject(error))
        })
        this.link.send({ type: 'offer', peerId, sdp: offerSdp })
      })
      return { peer, sdp }
    } catch (error) {
      peer.close('negotiation failed')
      throw error
    } finally {
      this.pending.delete(peerId)
    }
  }

  /** Ends every call (the page went away, or the agent stops). */
  closeAll(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(reason))
    for (const peer of [...this.peers.values()]) peer.close(reason)
  }

  private forget(peerId: string): void {
    this.peers.delete(peerId)
  }

  private receive(raw: unknown): void {
    const parsed = FromPage.safeParse(raw)
    if (!parsed.success) {
      this.rejected++
      return
    }
    const message = parsed.data
    if (message.type === 'answered') return this.pending.get(message.peerId)?.resolve(message.sdp)
    if (message.type === 'failed')
      return this.pending.get(message.peerId)?.reject(new Error(message.message))
    const peer = this.peers.get(message.peerId)
    if (!peer) return
    switch (message.type) {
      case 'connection':
        return peer.connectionChanged(message.state)
      case 'channel-open':
        return peer.channelOpened(message.label)
      case 'channel-closed':
        return peer.channelClosed()
      case 'received':
        return peer.received(message.text)
      case 'caller-audio':
        return peer.heard(message.pcm)
    }
  }
}
