import type { CallEvent, CallInput } from '@shared/live-call/callEvents'
import type { CallProtocol, OutboundEvent, ProtocolStep } from '@shared/live-call/callProtocol'
import { LiveProtocol } from '@shared/live-call/liveProtocol'
import { RealtimeProtocol } from '@shared/live-call/realtimeProtocol'
import type { CallStartResult } from '@shared/realtime/callStart'
import { request } from '@renderer/app/ipc'
import {
  CHANNEL_CLOSED_MESSAGE,
  ICE_FAILED_MESSAGE,
  internalStartFailure,
  microphoneFailure,
  type CallFailure,
  type CallFailureKind
} from './callFailure'
import { readQuality, type ConnectionQuality } from './connectionQuality'
import { EarMeter, type Levels } from './earMeter'
import { runToolCall } from './toolCalls'

export const CALL_PHASES = [
  'idle',
  'starting',
  'connecting',
  'in_call',
  'ending',
  'ended',
  'failed'
] as const
export type CallPhase = (typeof CALL_PHASES)[number]
export type CallInfo = Extract<CallStartResult, { ok: true }>

export interface EngineListener {
  /** Every server event, client event and local observation, in arrival order. */
  input(input: CallInput): void
  phase(phase: CallPhase, failure: CallFailure | null): void
  started(info: CallInfo): void
  quality(quality: ConnectionQuality): void
  /** Each side's audio as it becomes available: the microphone, then the agent's track. */
  media?(stream: MediaStream): void
}

const TICK_MS = 250
const STATS_MS = 2000
/** `disconnected` gets a grace period before it counts as failed (protocol doc §3). */
const DISCONNECT_GRACE_MS = 5000
/** From the SDP answer to the data channel open: longer means no network path. */
const CONNECT_TIMEOUT_MS = 20_000

/**
 * One WebRTC call to the voice agent, on the Realtime API or GPT-Live (main picks the engine
 * from Settings and says which in its answer): microphone, peer connection, `oai-events`, the
 * remote audio through an <audio> element (Chromium's echo cancellation only covers media
 * elements), the ear meter, tool calls through main, and clean teardown. The wire protocol is
 * the engine's CallProtocol. Knows nothing of React.
 */
export class CallEngine {
  private pc: RTCPeerConnection | null = null
  private dc: RTCDataChannel | null = null
  private mic: MediaStream | null = null
  private meter: EarMeter | null = null
  private timers: ReturnType<typeof setInterval>[] = []
  private graceTimer: ReturnType<typeof setTimeout> | null = null
  private callId: string | null = null
  private current: CallPhase = 'idle'
  /** Realtime until main says otherwise (events before its answer are local observations). */
  private protocol: CallProtocol = new RealtimeProtocol()

  constructor(
    private readonly audio: HTMLAudioElement,
    private readonly listener: EngineListener
  ) {}

  get phase(): CallPhase {
    return this.current
  }

  get levels(): Levels {
    return this.meter?.levels ?? { mic: 0, remote: 0 }
  }

  async start(deviceId: string | null): Promise<void> {
    this.setPhase('starting')
    this.observe({ type: 'connection.state', state: 'connecting' })
    try {
      this.mic = await navigator.mediaDevices.getUserMedia({
        audio: {
          ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
          echoCancellation: true,
          noiseSuppression: true,
          autoGainControl: true
        }
      })
    } catch (error) {
      return this.failWith(microphoneFailure(messageOf(error)))
    }
    if (this.isOver()) return this.releaseMedia()
    this.meter = new EarMeter({
      onAudible: (t) => this.observe({ type: 'remote_audio.audible' }, t),
      onSilent: (t) => this.observe({ type: 'remote_audio.silent' }, t),
      // GPT-Live reports no caller speech start/stop: the page's own VAD stands in.
      onMicSpeech: (t) => {
        if (this.protocol.engine === 'live') this.observe({ type: 'mic.speech_started' }, t)
      },
      onMicSilent: (t) => {
        if (this.protocol.engine === 'live') this.observe({ type: 'mic.speech_stopped' }, t)
      }
    })
    await this.meter.start()
    this.meter.setMic(this.mic)
    this.listener.media?.(this.mic)
    const pc = (this.pc = new RTCPeerConnection())
    pc.ontrack = (event) => this.playRemote(event)
    for (const track of this.mic.getAudioTracks()) pc.addTrack(track, this.mic)
    pc.onconnectionstatechange = () => this.onConnectionState(pc.connectionState)
    // The channel must exist before createOffer, or the offer has no data section.
    this.dc = pc.createDataChannel('oai-events')
    this.dc.onmessage = (message: MessageEvent<string>) => this.receive(message.data)
    this.dc.onopen = () => this.setPhase('connecting')
    this.dc.onclose = () => {
      if (!this.isOver()) this.fail('channel_closed', CHANNEL_CLOSED_MESSAGE)
    }
    try {
      const offer = await pc.createOffer()
      await pc.setLocalDescription(offer)
      const answer = await request('realtime.startCall', { offerSdp: offer.sdp ?? '' })
      if (this.isOver()) return
      if (!answer.ok) return this.fail(answer.kind, answer.message)
      if (answer.engine === 'live') this.protocol = new LiveProtocol()
      this.callId = answer.callId
      this.listener.started(answer)
      await pc.setRemoteDescription({ type: 'answer', sdp: answer.answerSdp })
    } catch (error) {
      return this.failWith(internalStartFailure(messageOf(error)))
    }
    this.setPhase('connecting')
    this.timers.push(
      setInterval(() => this.observe({ type: 'clock.tick' }), TICK_MS),
      setInterval(() => void this.sampleQuality(), STATS_MS)
    )
    this.graceTimer = setTimeout(() => {
      if (this.current === 'connecting') this.fail('ice_failed', ICE_FAILED_MESSAGE)
    }, CONNECT_TIMEOUT_MS)
  }

  /** Hang up: close the peer here and end the call at the service. */
  async hangup(): Promise<void> {
    if (this.isOver()) return
    this.setPhase('ending')
    for (const event of this.protocol.hangup()) this.send(event)
    this.observe({ type: 'call.ended' })
    this.teardown()
    await this.endAtService()
    this.setPhase('ended')
  }

  setMuted(muted: boolean): void {
    for (const track of this.mic?.getAudioTracks() ?? []) track.enabled = !muted
  }

  /** "Stop agent speaking", where the engine has a way to (GPT-Live has none): false if not. */
  stopAgentSpeaking(): boolean {
    const events = this.protocol.stopAgent()
    events?.forEach((event) => this.send(event))
    return events !== null
  }

  /** A supervisor's instruction, acted on now (see the protocols). False when no call runs. */
  instruct(text: string): boolean {
    if (this.current !== 'in_call') return false
    for (const event of this.protocol.instruct(text)) this.send(event)
    return true
  }

  private playRemote(event: RTCTrackEvent): void {
    const stream = event.streams[0] ?? new MediaStream([event.track])
    this.audio.srcObject = stream
    // Chromium feeds remote audio to Web Audio only while a media element plays it.
    void this.audio.play().catch(() => undefined)
    this.meter?.setRemote(stream)
    this.listener.media?.(stream)
  }

  private receive(data: string): void {
    const t = performance.now()
    const inbound = this.protocol.receive(data)
    if (!inbound) return
    this.input(t, inbound.event)
    if (inbound.step.connected) {
      clearTimeout(this.graceTimer ?? undefined)
      this.observe({ type: 'connection.state', state: 'connected' })
      this.setPhase('in_call')
    }
    this.act(inbound.step)
  }

  private act(step: ProtocolStep): void {
    for (const event of step.send) this.send(event)
    if (step.runTool) void this.answerToolCall(step.runTool)
  }

  private async answerToolCall(asked: NonNullable<ProtocolStep['runTool']>): Promise<void> {
    const run = await runToolCall(asked.callId, asked.name, asked.arguments)
    if (this.isOver()) return
    this.observe(run.observation)
    for (const event of this.protocol.toolAnswered(asked, run.output)) this.send(event)
  }

  private send(event: OutboundEvent): void {
    if (this.dc?.readyState !== 'open') return
    this.dc.send(JSON.stringify(event))
    this.input(performance.now(), event)
  }

  private observe(event: CallEvent, t: number = performance.now()): void {
    this.input(t, event)
  }

  /** Recorded and reduced, then shown to the protocol (a Live delegation is read there). */
  private input(t: number, event: CallEvent): void {
    this.listener.input({ t, event })
    this.act(this.protocol.observe(t, event))
  }

  private onConnectionState(state: RTCPeerConnectionState): void {
    if (this.isOver()) return
    if (state === 'failed') return this.fail('ice_failed', ICE_FAILED_MESSAGE)
    if (state === 'disconnected') {
      this.observe({ type: 'connection.state', state: 'reconnecting' })
      this.graceTimer = setTimeout(() => {
        if (this.pc?.connectionState === 'disconnected') this.fail('ice_failed', ICE_FAILED_MESSAGE)
      }, DISCONNECT_GRACE_MS)
    }
    if (state === 'connected' && this.current === 'in_call')
      this.observe({ type: 'connection.state', state: 'connected' })
  }

  private async sampleQuality(): Promise<void> {
    if (!this.pc || this.isOver()) return
    this.listener.quality(await readQuality(this.pc))
  }

  private fail(kind: CallFailureKind, message: string): void {
    this.failWith({ kind, message })
  }

  /** Ends the call as failed; the failure's `detail` lets the screen say it in any language. */
  private failWith(failure: CallFailure): void {
    if (this.isOver()) return
    this.observe({ type: 'connection.state', state: 'failed', message: failure.message })
    this.observe({ type: 'call.ended' })
    this.teardown()
    void this.endAtService()
    this.current = 'failed'
    this.listener.phase('failed', failure)
  }

  private async endAtService(): Promise<void> {
    if (!this.callId) return
    await request('realtime.hangup', { callId: this.callId }).catch(() => undefined)
  }

  private teardown(): void {
    this.timers.forEach(clearInterval)
    this.timers = []
    clearTimeout(this.graceTimer ?? undefined)
    if (this.dc) this.dc.onclose = null
    this.dc?.close()
    this.pc?.close()
    this.releaseMedia()
    this.meter?.stop()
    this.audio.srcObject = null
  }

  private releaseMedia(): void {
    this.mic?.getTracks().forEach((track) => track.stop())
  }

  private isOver(): boolean {
    return this.current === 'ending' || this.current === 'ended' || this.current === 'failed'
  }

  private setPhase(phase: CallPhase): void {
    if (this.isOver() && phase !== 'ended') return
    // The channel opening after session.created must not step the call back.
    if (phase === this.current || (phase === 'connecting' && this.current === 'in_call')) return
    this.current = phase
    this.listener.phase(phase, null)
  }
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)
