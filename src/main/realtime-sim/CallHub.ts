import type { AgentVoice } from './audio/agentVoice'
import { CallSession } from './call/CallSession'
import type { CallTransport } from './call/callTransport'
import type { EventTransport } from './call/EventChannel'
import { newId } from './call/ids'
import { realTimers } from './call/Timers'
import type { GroundTruthLog } from './groundTruth/GroundTruthLog'
import type { AnswerCall, CallPeer } from './rtc/callPeer'
import type { Scenario } from './scenario/scenarioSchema'
import type { EffectiveSession } from './session/effectiveSession'

/** A running call, whatever carries it: its protocol state and how to end it. */
export interface LiveCall {
  readonly transport: CallTransport
  readonly session: CallSession
  /** Ends the call (hang-up, simulator stop); its owner then calls `hub.end(callId)`. */
  close(reason: string): void
}

/**
 * The running calls by id (WebRTC `rtc_…`, WebSocket, SIP), so hang-ups and sidebands find any
 * of them. Each transport's owner registers its calls and reports their end.
 */
/** A call that reached the simulator without WebRTC (a SIP phone call: sip/SipCall). */
export interface PhoneCall extends CallPeer {
  /** Its protocol state once accepted; null while it rings. */
  readonly session: CallSession | null
}

export class CallHub {
  private readonly calls = new Map<string, LiveCall>()
  /** Phone calls, ringing or accepted: they own their session and report their end. */
  private readonly phoneCalls = new Map<string, PhoneCall>()
  private readonly endWatchers = new Map<string, Set<(reason: string) => void>>()

  constructor(
    private readonly scenario: Scenario,
    private readonly voice: AgentVoice,
    private readonly log: GroundTruthLog,
    private readonly answer: AnswerCall
  ) {}

  get callIds(): string[] {
    return [...this.calls.keys(), ...this.phoneCalls.keys()]
  }

  /** A new call's protocol state, for a transport that registers the call itself. */
  createSession(
    callId: string,
    session: EffectiveSession,
    transport: EventTransport,
    kind: CallTransport
  ): CallSession {
    return new CallSession({
      callId,
      session,
      scenario: this.scenario,
      voice: this.voice,
      timers: realTimers,
      transport,
      log: this.log,
      kind
    })
  }

  register(callId: string, call: LiveCall): void {
    this.calls.set(callId, call)
  }

  /** The call ended: forget it and tell whoever watched it (sidebands). */
  end(callId: string, reason: string): void {
    this.calls.get(callId)?.session.close()
    this.calls.delete(callId)
    const watchers = this.endWatchers.get(callId)
    this.endWatchers.delete(callId)
    watchers?.forEach((watcher) => watcher(reason))
  }

  call(callId: string): LiveCall | undefined {
    const live = this.calls.get(callId)
    if (live) return live
    const phone = this.phoneCalls.get(callId)
    return phone?.session
      ? { transport: 'sip', session: phone.session, close: (reason) => phone.close(reason) }
      : undefined
  }

  session(callId: string): CallSession | undefined {
    return this.call(callId)?.session
  }

  /** Runs `watcher` when the call ends; the returned function stops watching. */
  onEnded(callId: string, watcher: (reason: string) => void): () => void {
    const watchers = this.endWatchers.get(callId) ?? new Set()
    this.endWatchers.set(callId, watchers.add(watcher))
    return () => void watchers.delete(watcher)
  }

  /**
   * Lets hang-up, lookups and sidebands find a phone call; the returned function is called
   * when it ends (forgets it and closes its sidebands).
   */
  registerPhoneCall(callId: string, call: PhoneCall): (reason: string) => void {
    this.phoneCalls.set(callId, call)
    return (reason) => {
      this.phoneCalls.delete(callId)
      this.end(callId, reason)
    }
  }

  /** Answers an offer with a new call; returns its `rtc_…` id and the answer SDP. */
  async start(
    offerSdp: string,
    effective: EffectiveSession
  ): Promise<{ callId: string; sdp: string }> {
    const callId = newId('rtc')
    // The session exists from the SDP answer on, as the API's does, so a sideband can attach
    // before the data channel opens; its events reach the caller once the channel is open.
    let channel: EventTransport | null = null
    // An offer without a data channel (m=application) carries audio only: a page whose server
    // holds the call on the sideband. Its session opens once the media path is up.
    const audioOnly = !/^m=application /m.test(offerSdp)
    let openedAudioOnly = false
    const session = this.createSession(
      callId,
      effective,
      {
        get isOpen() {
          return channel?.isOpen ?? false
        },
        send: (text) => channel?.send(text) ?? false,
        close: () => channel?.close()
      },
      'webrtc'
    )
    const { peer, sdp } = await this.answer(offerSdp, {
      onChannelOpen: (transport, label) => {
        if (channel) return
        channel = transport
        this.log.record(callId, {
          kind: 'call',
          state: 'connected',
          detail: `data channel '${label}'`
        })
        session.open()
      },
      onConnected: () => {
        if (!audioOnly || openedAudioOnly) return
        openedAudioOnly = true
        this.log.record(callId, { kind: 'call', state: 'connected', detail: 'audio only' })
        session.open()
      },
      onMessage: (text) => session.receive(text),
      // As before the session existed early: the caller's audio counts once events can flow.
      onAudio: (samples, rate) =>
        (channel || openedAudioOnly) && session.receiveAudio(samples, rate),
      pullFrame: () => session.pullFrame(),
      onClosed: (reason) => {
        this.end(callId, reason)
        this.log.record(callId, { kind: 'call', state: 'closed', detail: reason })
      }
    })
    this.register(callId, { transport: 'webrtc', session, close: (reason) => peer.close(reason) })
    this.log.record(callId, { kind: 'call', state: 'created' })
    return { callId, sdp }
  }

  hangup(callId: string): boolean {
    const call = this.calls.get(callId) ?? this.phoneCalls.get(callId)
    call?.close('hangup')
    return call !== undefined
  }

  closeAll(): void {
    for (const call of [...this.calls.values(), ...this.phoneCalls.values()])
      call.close('simulator stopped')
  }
}
