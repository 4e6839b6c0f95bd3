import type { AgentVoice } from './audio/agentVoice'
import { CallSession } from './call/CallSession'
import { newId } from './call/ids'
import { realTimers } from './call/Timers'
import type { GroundTruthLog } from './groundTruth/GroundTruthLog'
import type { AnswerCall, CallPeer } from './rtc/callPeer'
import type { Scenario } from './scenario/scenarioSchema'
import type { EffectiveSession } from './session/effectiveSession'

/** The running calls: each a WebRTC peer wired to its protocol state. */
export class CallHub {
  private readonly peers = new Map<string, CallPeer>()

  constructor(
    private readonly scenario: Scenario,
    private readonly voice: AgentVoice,
    private readonly log: GroundTruthLog,
    private readonly answer: AnswerCall
  ) {}

  get callIds(): string[] {
    return [...this.peers.keys()]
  }

  /** Answers an offer with a new call; returns its `rtc_…` id and the answer SDP. */
  async start(
    offerSdp: string,
    effective: EffectiveSession
  ): Promise<{ callId: string; sdp: string }> {
    const callId = newId('rtc')
    let session: CallSession | null = null
    const { peer, sdp } = await this.answer(offerSdp, {
      onChannelOpen: (transport, label) => {
        // One CallSession per call, whatever the peer reports (see SimPeer.attach).
        if (session) return
        this.log.record(callId, {
          kind: 'call',
          state: 'connected',
          detail: `data channel '${label}'`
        })
        session = new CallSession({
          callId,
          session: effective,
          scenario: this.scenario,
          voice: this.voice,
          timers: realTimers,
          transport,
          log: this.log
        })
        session.open()
      },
      onMessage: (text) => session?.receive(text),
      onAudio: (samples, rate) => session?.receiveAudio(samples, rate),
      pullFrame: () => session?.pullFrame() ?? null,
      onClosed: (reason) => {
        session?.close()
        this.peers.delete(callId)
        this.log.record(callId, { kind: 'call', state: 'closed', detail: reason })
      }
    })
    this.peers.set(callId, peer)
    this.log.record(callId, { kind: 'call', state: 'created' })
    return { callId, sdp }
  }

  hangup(callId: string): boolean {
    const peer = this.peers.get(callId)
    peer?.close('hangup')
    return peer !== undefined
  }

  closeAll(): void {
    for (const peer of [...this.peers.values()]) peer.close('simulator stopped')
  }
}
