import { randomBytes } from 'node:crypto'
import type { AgentVoice } from '../audio/agentVoice'
import type { CallSession } from '../call/CallSession'
import { newId } from '../call/ids'
import type { PhoneCall } from '../CallHub'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import type { Scenario } from '../scenario/scenarioSchema'
import type { EffectiveSession } from '../session/effectiveSession'
import { CallerAudio } from './CallerAudio'
import { type EndedBy, type PhoneMedia, PhoneLine } from './PhoneLine'
import { realtimePhoneMedia } from './realtimePhoneMedia'

/** A simulated phone call: who calls whom, and what the caller says (a 16-bit PCM WAV). */
export interface PhoneCallRequest {
  from: string
  to: string
  wav: Uint8Array
  /** Silence after the WAV before the caller hangs up (default 3 s: the last answer plays). */
  trailingSilenceMs?: number
  /** How long it rings unanswered before the caller gives up (default 60 s). */
  ringTimeoutMs?: number
  /** Which API answers: Realtime (`realtime.call.incoming`, `rtc_…`) or GPT-Live (`live_…`). */
  api?: 'realtime' | 'live'
}

export const DEFAULT_TRAILING_SILENCE_MS = 3_000
export const DEFAULT_RING_TIMEOUT_MS = 60_000

export type { EndedBy }
export interface PhoneCallEnd {
  endedBy: EndedBy
  reason: string
}

export interface SipCallDeps {
  scenario: Scenario
  voice: AgentVoice
  log: GroundTruthLog
  onEnded(call: SipCall, reason: string): void
}

/**
 * One phone call: rings until the server accepts or rejects it (or the caller gives up), then
 * runs on a PhoneLine until the caller's audio ends, the server hangs up or transfers it.
 */
export class SipCall implements PhoneCall {
  readonly callId: string
  readonly sipCallId = `${randomBytes(12).toString('hex')}@sip.sim.invalid`
  private current: 'ringing' | 'accepted' | 'ended' = 'ringing'
  private line: PhoneLine | null = null
  private realtime: CallSession | null = null
  private readonly caller: CallerAudio
  private readonly ringTimer: ReturnType<typeof setTimeout>
  private settle!: (end: PhoneCallEnd) => void
  readonly ended = new Promise<PhoneCallEnd>((resolve) => (this.settle = resolve))

  /** Throws if the WAV is not 16-bit PCM. */
  constructor(
    readonly request: PhoneCallRequest,
    private readonly deps: SipCallDeps
  ) {
    this.callId = newId(request.api === 'live' ? 'live' : 'rtc')
    this.caller = new CallerAudio(
      request.wav,
      request.trailingSilenceMs ?? DEFAULT_TRAILING_SILENCE_MS
    )
    this.ringTimer = setTimeout(
      () => this.end('caller', 'no answer'),
      request.ringTimeoutMs ?? DEFAULT_RING_TIMEOUT_MS
    )
    deps.log.record(this.callId, { kind: 'call', state: 'created', detail: 'SIP INVITE' })
    deps.log.record(this.callId, {
      kind: 'sip',
      state: 'incoming',
      from: request.from,
      to: request.to,
      caller_audio_ms: this.caller.speechMs
    })
  }

  get state(): 'ringing' | 'accepted' | 'ended' {
    return this.current
  }

  /** The Realtime session once accepted (null while ringing, and for GPT-Live calls). */
  get session(): CallSession | null {
    return this.realtime
  }

  /** The INVITE's headers, as the webhook reports them. */
  get sipHeaders(): { name: string; value: string }[] {
    return [
      { name: 'From', value: `<${asUri(this.request.from)}>;tag=${this.callId.slice(4, 12)}` },
      { name: 'To', value: `<${asUri(this.request.to)}>` },
      { name: 'Call-ID', value: this.sipCallId }
    ]
  }

  get callerSpeechMs(): number {
    return this.caller.speechMs
  }

  /** Realtime's accept: the call runs a CallSession with this config. */
  accept(session: EffectiveSession): void {
    const media = realtimePhoneMedia({
      callId: this.callId,
      session,
      scenario: this.deps.scenario,
      voice: this.deps.voice,
      log: this.deps.log
    })
    this.answer(media)
    this.realtime = media.session
  }

  /** Answers with any session (GPT-Live's accept passes a LiveSession's media). */
  answer(media: PhoneMedia): void {
    if (this.current !== 'ringing') throw new Error(`accept on a call that is ${this.current}`)
    clearTimeout(this.ringTimer)
    this.current = 'accepted'
    this.deps.log.record(this.callId, { kind: 'sip', state: 'accepted' })
    this.line = new PhoneLine({
      media,
      caller: this.caller,
      onCallerDone: () => this.end('caller', 'caller hung up')
    })
  }

  reject(statusCode: number): void {
    if (this.current !== 'ringing') throw new Error(`reject on a call that is ${this.current}`)
    this.deps.log.record(this.callId, { kind: 'sip', state: 'rejected', status_code: statusCode })
    this.end('server', `rejected with ${statusCode}`)
  }

  /** SIP REFER: the caller goes to `targetUri`; the AI leg ends. */
  refer(targetUri: string): void {
    if (this.current !== 'accepted') throw new Error(`refer on a call that is ${this.current}`)
    this.deps.log.record(this.callId, { kind: 'sip', state: 'referred', target_uri: targetUri })
    this.end('server', `transferred to ${targetUri}`)
  }

  /** CallHub's hang-up (`POST …/hangup`), or the simulator stopping. */
  close(reason = 'hangup'): void {
    this.end(reason === 'simulator stopped' ? 'simulator' : 'server', reason)
  }

  private end(endedBy: EndedBy, reason: string): void {
    if (this.current === 'ended') return
    this.current = 'ended'
    clearTimeout(this.ringTimer)
    this.line?.close(endedBy, reason)
    this.deps.log.record(this.callId, {
      kind: 'sip',
      state: 'ended',
      ended_by: endedBy,
      reason,
      caller_audio_ms: this.caller.fedMs,
      agent_audio_ms: this.line?.agentAudioMs ?? 0
    })
    this.deps.log.record(this.callId, { kind: 'call', state: 'closed', detail: reason })
    this.deps.onEnded(this, reason)
    this.settle({ endedBy, reason })
  }
}

/** `+14155550123` → `sip:+14155550123@…`; a URI given whole is kept. */
function asUri(party: string): string {
  return /^(sip|sips|tel):/i.test(party) ? party : `sip:${party}@sip.sim.invalid`
}
