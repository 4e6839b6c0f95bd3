import type { FromPage } from '../../shared/demo-peer/pagePeerProtocol'
import { pcmFromBase64, pcmToBase64 } from '../../shared/demo-peer/pcmBase64'
import { answerWithFullIce } from '../../shared/realtime/iceGatheringComplete'

type Report = (message: FromPage) => void

/**
 * One demo call's WebRTC side in Chromium: the caller's remote track → 'caller-capture' →
 * 10 ms frames to main; main's paced frames → 'agent-playout' → a MediaStream track on the
 * connection; the caller's data channel relayed both ways.
 */
export class PageCall {
  private readonly pc = new RTCPeerConnection()
  private readonly playout: AudioWorkletNode
  private capture: AudioWorkletNode | null = null
  private channel: RTCDataChannel | null = null
  /** Chromium feeds a remote track to Web Audio only while a media element plays it. */
  private readonly sink = new Audio()

  constructor(
    private readonly peerId: string,
    private readonly audio: AudioContext,
    private readonly report: Report
  ) {
    this.playout = new AudioWorkletNode(audio, 'agent-playout', { outputChannelCount: [1] })
    const agent = new MediaStreamAudioDestinationNode(audio, { channelCount: 1 })
    this.playout.connect(agent)
    for (const track of agent.stream.getAudioTracks()) this.pc.addTrack(track, agent.stream)
    this.pc.ontrack = (event) => this.listen(event.track)
    this.pc.ondatachannel = ({ channel }) => this.attach(channel)
    this.pc.onconnectionstatechange = () =>
      this.report({ type: 'connection', peerId, state: this.pc.connectionState })
  }

  answer(offerSdp: string): Promise<string> {
    return answerWithFullIce(this.pc, offerSdp)
  }

  speak(pcm: string): void {
    const frame = pcmFromBase64(pcm)
    this.playout.port.postMessage(frame, [frame.buffer])
  }

  send(text: string): void {
    if (this.channel?.readyState === 'open') this.channel.send(text)
  }

  closeChannel(): void {
    this.channel?.close()
  }

  close(): void {
    this.channel?.close()
    this.pc.close()
    this.capture?.disconnect()
    this.playout.disconnect()
    this.sink.srcObject = null
  }

  private listen(track: MediaStreamTrack): void {
    if (track.kind !== 'audio' || this.capture) return
    const stream = new MediaStream([track])
    this.sink.muted = true
    this.sink.srcObject = stream
    void this.sink.play().catch(() => undefined)
    const capture = new AudioWorkletNode(this.audio, 'caller-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      channelCount: 1,
      channelCountMode: 'explicit'
    })
    capture.port.onmessage = (event: MessageEvent<Int16Array>) =>
      this.report({ type: 'caller-audio', peerId: this.peerId, pcm: pcmToBase64(event.data) })
    // Pulled by the graph through a silent gain: the page itself plays nothing.
    const mute = new GainNode(this.audio, { gain: 0 })
    new MediaStreamAudioSourceNode(this.audio, { mediaStream: stream }).connect(capture)
    capture.connect(mute).connect(this.audio.destination)
    this.capture = capture
  }

  private attach(channel: RTCDataChannel): void {
    const { peerId } = this
    this.channel = channel
    channel.onopen = () => this.report({ type: 'channel-open', peerId, label: channel.label })
    channel.onclose = () => this.report({ type: 'channel-closed', peerId })
    channel.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string')
        this.report({ type: 'received', peerId, text: event.data })
    }
    if (channel.readyState === 'open')
      this.report({ type: 'channel-open', peerId, label: channel.label })
  }
}
