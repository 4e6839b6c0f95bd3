import wrtc from '@roamhq/wrtc'
import { FRAME_SAMPLES, SAMPLE_RATE } from '../audio/agentVoice'
import type { EventTransport } from '../call/EventChannel'
import type { CallPeer, PeerHandlers } from './callPeer'
import { FramePacer } from './FramePacer'
import { answerWithFullIce } from '../../../shared/realtime/iceGatheringComplete'

const { RTCPeerConnection, nonstandard } = wrtc

/**
 * The simulator's WebRTC side of one call (@roamhq/wrtc): hears the caller through an
 * RTCAudioSink, speaks through an RTCAudioSource paced in real time, and carries the events on
 * the data channel the caller opened.
 */
export class SimPeer implements CallPeer {
  private readonly pc = new RTCPeerConnection()
  private readonly source = new nonstandard.RTCAudioSource()
  private sink: InstanceType<typeof nonstandard.RTCAudioSink> | null = null
  private pacer: FramePacer | null = null
  private channelOpened = false
  private closed = false

  private constructor(private readonly handlers: PeerHandlers) {
    this.pc.addTrack(this.source.createTrack())
    this.pc.ontrack = (event) => this.listen(event.track)
    this.pc.ondatachannel = ({ channel }) => this.attach(channel)
    this.pc.onconnectionstatechange = () => {
      const state = this.pc.connectionState
      if (state === 'connected' && !this.pacer) {
        this.pacer = new FramePacer(handlers.pullFrame, (frame) => this.speak(frame))
        handlers.onConnected()
      }
      if (state === 'failed' || state === 'closed') this.close(`connection ${state}`)
    }
  }

  /** Answers an SDP offer; the answer carries every ICE candidate (no trickle, like the API). */
  static async answer(
    offerSdp: string,
    handlers: PeerHandlers
  ): Promise<{ peer: SimPeer; sdp: string }> {
    const peer = new SimPeer(handlers)
    try {
      return { peer, sdp: await answerWithFullIce(peer.pc, offerSdp) }
    } catch (error) {
      peer.close('negotiation failed')
      throw error
    }
  }

  close(reason = 'hangup'): void {
    if (this.closed) return
    this.closed = true
    this.pacer?.stop()
    this.sink?.stop()
    this.pc.close()
    this.handlers.onClosed(reason)
  }

  private listen(track: MediaStreamTrack): void {
    if (track.kind !== 'audio' || this.sink) return
    this.sink = new nonstandard.RTCAudioSink(track)
    this.sink.ondata = (data: { samples: Int16Array; sampleRate: number; channelCount?: number }) =>
      this.handlers.onAudio(firstChannel(data.samples, data.channelCount ?? 1), data.sampleRate)
  }

  private attach(channel: RTCDataChannel): void {
    const transport: EventTransport = {
      get isOpen() {
        return channel.readyState === 'open'
      },
      send: (text) => {
        // wrtc's readyState can still read 'open' while the native channel is closing.
        try {
          channel.send(text)
          return true
        } catch (error) {
          if (error instanceof Error && error.name === 'InvalidStateError') return false
          throw error
        }
      },
      close: () => channel.close()
    }
    // wrtc can hand over a channel already open and still fire its open event: one call, one
    // session (the API greets once with session.created). A second channel is ignored too.
    const opened = (): void => {
      if (this.channelOpened || this.closed) return
      this.channelOpened = true
      this.handlers.onChannelOpen(transport, channel.label)
    }
    channel.onopen = opened
    channel.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string') this.handlers.onMessage(event.data)
    }
    if (channel.readyState === 'open') opened()
  }

  private speak(frame: Int16Array): void {
    if (this.closed) return
    this.source.onData({
      samples: frame,
      sampleRate: SAMPLE_RATE,
      bitsPerSample: 16,
      channelCount: 1,
      numberOfFrames: FRAME_SAMPLES
    })
  }
}

function firstChannel(samples: Int16Array, channels: number): Int16Array {
  if (channels === 1) return samples
  const mono = new Int16Array(Math.floor(samples.length / channels))
  for (let i = 0; i < mono.length; i++) mono[i] = samples[i * channels] ?? 0
  return mono
}
