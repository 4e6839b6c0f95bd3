import { type FromPage, ToPage } from '../../shared/demo-peer/pagePeerProtocol'
import { PageCall } from './PageCall'
import { peerWorkletUrl } from './peerWorklet'

const AUDIO_START_TIMEOUT_MS = 2000

/** The page's end of its link to main (a MessagePort in Electron and in tests). */
export interface HostLink {
  send(message: FromPage): void
  onMessage(listener: (raw: unknown) => void): void
}

/** Holds every demo call's PageCall; one 48 kHz AudioContext serves them all. */
export class PeerPageRuntime {
  private readonly calls = new Map<string, PageCall>()
  private readonly audio = new AudioContext({ sampleRate: 48_000, latencyHint: 'interactive' })
  private readonly ready: Promise<void>

  constructor(private readonly link: HostLink) {
    this.ready = this.audio.audioWorklet.addModule(peerWorkletUrl())
    link.onMessage((raw) => void this.receive(raw))
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = ToPage.safeParse(raw)
    if (!parsed.success) return
    const message = parsed.data
    if (message.type === 'offer') return this.answer(message.peerId, message.sdp)
    const call = this.calls.get(message.peerId)
    if (!call) return
    if (message.type === 'agent-audio') return call.speak(message.pcm)
    if (message.type === 'send') return call.send(message.text)
    if (message.type === 'close-channel') return call.closeChannel()
    call.close()
    this.calls.delete(message.peerId)
  }

  /**
   * No user gesture ever comes to this page: the window's autoplay policy must let audio run.
   * Without it the context stays suspended, and the call fails saying so instead of staying mute.
   */
  private async running(): Promise<void> {
    if (this.audio.state === 'running') return
    const waited = new Promise((resolve) => setTimeout(resolve, AUDIO_START_TIMEOUT_MS))
    await Promise.race([this.audio.resume(), waited])
    if ((this.audio.state as AudioContextState) !== 'running')
      throw new Error(`audio context ${this.audio.state} (autoplay policy?)`)
  }

  private async answer(peerId: string, offerSdp: string): Promise<void> {
    try {
      await this.ready
      await this.running()
      const call = new PageCall(peerId, this.audio, (m) => this.link.send(m))
      this.calls.set(peerId, call)
      this.link.send({ type: 'answered', peerId, sdp: await call.answer(offerSdp) })
    } catch (error) {
      this.calls.get(peerId)?.close()
      this.calls.delete(peerId)
      this.link.send({ type: 'failed', peerId, message: String(error).slice(0, 2000) })
    }
  }
}
