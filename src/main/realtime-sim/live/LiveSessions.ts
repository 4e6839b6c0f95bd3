import type { SessionResource } from 'openai/resources/live/live'
import type { AgentVoice } from '../audio/agentVoice'
import type { CallTransport } from '../call/callTransport'
import type { EventTransport } from '../call/EventChannel'
import { newId } from '../call/ids'
import { realTimers, type Timers } from '../call/Timers'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import type { AnswerCall, CallPeer } from '../rtc/callPeer'
import type { Scenario } from '../scenario/scenarioSchema'
import type { LiveAudioFormat } from './liveConfig'
import { LiveSession } from './LiveSession'

export interface LiveSessionsDeps {
  scenario: Scenario
  voice: AgentVoice
  log: GroundTruthLog
  answer: AnswerCall
  nowSeconds: () => number
  timers?: Timers
}

interface Entry {
  session: LiveSession
  transport: CallTransport
  /** Ends the media side (WebRTC peer, WebSocket, phone line). */
  close(): void
}

/** The running GPT-Live sessions by `live_…` id, whatever carries them. */
export class LiveSessions {
  private readonly sessions = new Map<string, Entry>()
  private readonly endWatchers = new Map<string, Set<() => void>>()

  constructor(private readonly deps: LiveSessionsDeps) {}

  get(id: string): Entry | undefined {
    return this.sessions.get(id)
  }

  /** A new session on some transport; the caller registers its end with `ended`. */
  create(
    resource: SessionResource,
    transport: EventTransport,
    kind: CallTransport,
    socketFormat: LiveAudioFormat | null
  ): LiveSession {
    return new LiveSession({
      resource,
      scenario: this.deps.scenario,
      voice: this.deps.voice,
      timers: this.deps.timers ?? realTimers,
      transport,
      log: this.deps.log,
      kind,
      socketFormat
    })
  }

  register(session: LiveSession, kind: CallTransport, close: () => void): void {
    this.sessions.set(session.id, { session, transport: kind, close })
    this.deps.log.record(session.id, { kind: 'call', state: 'created', detail: `live ${kind}` })
  }

  /** The session's transport is gone: forget it and tell its sidebands. */
  ended(id: string): void {
    this.sessions.get(id)?.session.close()
    this.sessions.delete(id)
    const watchers = this.endWatchers.get(id)
    this.endWatchers.delete(id)
    watchers?.forEach((watch) => watch())
  }

  onEnded(id: string, watcher: () => void): () => void {
    const watchers = this.endWatchers.get(id) ?? new Set()
    this.endWatchers.set(id, watchers.add(watcher))
    return () => void watchers.delete(watcher)
  }

  /** `POST /v1/live/sessions`: answers the offer; the session starts when the data channel opens. */
  async createWebRtc(
    offerSdp: string,
    resolve: (id: string) => SessionResource
  ): Promise<{ id: string; sdp: string }> {
    const id = newId('live')
    let channel: EventTransport | null = null
    const session = this.create(
      resolve(id),
      {
        get isOpen() {
          return channel?.isOpen ?? false
        },
        send: (text) => channel?.send(text) ?? false,
        close: () => channel?.close()
      },
      'webrtc',
      null
    )
    let peer: CallPeer | null = null
    const answered = await this.deps.answer(offerSdp, {
      onChannelOpen: (transport, label) => {
        if (channel) return
        channel = transport
        this.deps.log.record(id, {
          kind: 'call',
          state: 'connected',
          detail: `data channel '${label}'`
        })
        session.start()
      },
      onMessage: (text) => session.receive(text),
      onAudio: (samples, rate) => session.receiveAudio(samples, rate),
      pullFrame: () => session.pullFrame(),
      onClosed: () => this.ended(id)
    })
    peer = answered.peer
    this.register(session, 'webrtc', () => peer?.close('hangup'))
    return { id, sdp: answered.sdp }
  }

  closeAll(): void {
    for (const entry of [...this.sessions.values()]) entry.close()
  }
}
