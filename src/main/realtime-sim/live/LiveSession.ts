import type { SessionResource, SessionClosedEvent } from 'openai/resources/live/live'
import { EnergyVad, type VadEvent } from '../../../shared/realtime/energyVad'
import { AgentPlayout } from '../audio/AgentPlayout'
import type { AgentVoice } from '../audio/agentVoice'
import type { CallTransport, EventVia } from '../call/callTransport'
import type { EventObserver, EventTransport } from '../call/EventChannel'
import { newId } from '../call/ids'
import { ResponsePlanner, type PendingTurn } from '../call/ResponsePlanner'
import type { ResponsePlan } from '../call/ResponseRunner'
import type { Timers } from '../call/Timers'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import { type ApiErrorBody, invalidRequest } from '../protocol/apiErrors'
import { seededRandom } from '../scenario/sampleDelay'
import type { Scenario } from '../scenario/scenarioSchema'
import { type LiveClientEventOf, parseLiveClientEvent } from './liveClientEvents'
import type { LiveAudioFormat } from './liveConfig'
import { AudioReflector } from './AudioReflector'
import { LiveEventChannel } from './LiveEventChannel'
import { LiveSpeech, type SpeechOutcome } from './LiveSpeech'
import { liveAppendedAudio } from './liveWireAudio'

/** Server VAD defaults (the Live API exposes no turn detection settings; inferred). */
const VAD = { threshold: 0.5, prefixPaddingMs: 300, silenceDurationMs: 500 }
/** Words per `session.input_transcript.delta`. */
const WORDS_PER_DELTA = 3

export interface LiveSessionOptions {
  resource: SessionResource
  scenario: Scenario
  voice: AgentVoice
  timers: Timers
  transport: EventTransport
  log: GroundTruthLog
  kind: CallTransport
  /** The primary WebSocket's audio format; null when media flows on WebRTC or SIP. */
  socketFormat: LiveAudioFormat | null
}

type ContextEvent = LiveClientEventOf<
  'session.instructions.append' | 'session.thinking.append' | 'session.commentary.append'
>

/**
 * One GPT-Live session's protocol state, transport-free like CallSession: energy VAD turns on
 * the caller's audio, barge-in, the scenario's scripted agent (shared ResponsePlanner), tool
 * turns as client delegations answered by `session.commentary.append`, transcripts on the
 * session timeline, usage in audio seconds, and `session.closed`.
 */
export class LiveSession {
  readonly playout = new AgentPlayout()
  private readonly channel: LiveEventChannel
  private readonly planner: ResponsePlanner
  private readonly startedAt: number
  private resource: SessionResource
  private vad: EnergyVad | null = null
  private vadRate = 0
  private samplesReceived = 0
  private audioZeroMs: number | null = null
  private onsetMs = 0
  private muted = false
  private speech: LiveSpeech | null = null
  private readonly queued: ResponsePlan[] = []
  private pendingCancels: (() => void)[] = []
  private replyTriggeredAt = 0
  private readonly delegations = new Map<string, ResponsePlan>()
  private readonly inputReflector: AudioReflector
  private readonly outputReflector: AudioReflector
  private started = false
  private closed = false

  constructor(private readonly options: LiveSessionOptions) {
    this.resource = options.resource
    this.startedAt = options.timers.now()
    this.channel = new LiveEventChannel(this.id, options.transport, options.log)
    this.planner = new ResponsePlanner(options.scenario, seededRandom(options.scenario.seed))
    this.inputReflector = new AudioReflector(this.channel, 'input')
    this.outputReflector = new AudioReflector(this.channel, 'output')
  }

  get id(): string {
    return this.resource.id
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** Milliseconds since the session started: the timeline every `*_ms` field is on. */
  timelineMs(): number {
    return Math.round(this.options.timers.now() - this.startedAt)
  }

  /** The session runs (WebRTC: the data channel opened; WebSocket: `session.start`). */
  start(clientEventId?: string): void {
    if (this.started) return
    this.started = true
    this.channel.send({
      type: 'session.started',
      session: this.resource,
      ...(clientEventId && { client_event_id: clientEventId })
    })
    const greeting = this.options.scenario.greeting
    if (greeting) this.reply(this.planner.forResponseCreate({}, this.options.timers.now()))
  }

  observe(observer: EventObserver): () => void {
    return this.channel.observe(observer)
  }

  /** The peer is gone without a `session.close`: nothing more can reach it. */
  close(reason: SessionClosedEvent['reason'] = 'connection_lost'): void {
    if (this.closed) return
    this.finalize(reason)
  }

  /** The next 10 ms of agent audio (WebRTC, SIP), or null for silence. */
  pullFrame(): Int16Array | null {
    const frame = this.playout.pull()
    this.outputReflector.push(frame, 48_000, this.timelineMs())
    return frame
  }

  /** A client event from the caller's connection or a sideband (`via`). */
  receive(text: string, via: EventVia = this.options.kind): void {
    if (this.closed) return
    const parsed = parseLiveClientEvent(text)
    if (!parsed.ok || parsed.event.type !== 'session.input_audio.append')
      this.options.log.record(this.id, {
        kind: 'event',
        direction: 'received',
        event: parsed.ok ? parsed.event : text,
        via
      })
    if (!parsed.ok) return this.sendError(parsed.error, parsed.clientEventId)
    const { event } = parsed
    const clientEventId = event.event_id ?? undefined
    const refuse = (message: string): void =>
      this.sendError(invalidRequest('invalid_value', message, 'type'), clientEventId)
    switch (event.type) {
      case 'session.start':
        return refuse(
          this.started
            ? 'The session has already started.'
            : 'session.start is only accepted on a primary WebSocket.'
        )
      case 'session.input_audio.append': {
        if (!this.options.socketFormat || via === 'sideband')
          return refuse('session.input_audio.append is only accepted on a primary WebSocket.')
        const audio = liveAppendedAudio(event.audio, this.options.socketFormat)
        if (!audio.ok) return this.sendError(audio.error, clientEventId)
        for (const frame of audio.frames) this.receiveAudio(frame, audio.sampleRate)
        return
      }
      case 'session.update':
        if (event.session.delegation !== undefined)
          this.resource = {
            ...this.resource,
            delegation: event.session.delegation ?? { type: 'client' }
          }
        return this.channel.send({
          type: 'session.updated',
          session: this.resource,
          ...(clientEventId && { client_event_id: clientEventId })
        })
      case 'session.input_audio.mute':
      case 'session.input_audio.unmute':
        this.muted = event.type === 'session.input_audio.mute'
        return this.channel.send({
          type: this.muted ? 'session.input_audio.muted' : 'session.input_audio.unmuted',
          ...(clientEventId && { client_event_id: clientEventId })
        })
      case 'session.instructions.append':
      case 'session.thinking.append':
      case 'session.commentary.append':
        return this.appendContext(event, clientEventId)
      case 'session.close':
        return this.finalize('close_requested', clientEventId)
    }
  }

  /** One frame of the caller's audio (mono 16-bit). Muted input reaches the model as silence. */
  receiveAudio(samples: Int16Array, sampleRate: number): void {
    if (this.closed || !this.started) return
    this.audioZeroMs ??= this.timelineMs()
    if (this.vadRate !== sampleRate) {
      this.vad = new EnergyVad(VAD, sampleRate, this.samplesReceived)
      this.vadRate = sampleRate
    }
    this.samplesReceived += samples.length
    // Sidebands hear the caller before muting, as the SDK describes the reflection.
    this.inputReflector.push(samples, sampleRate, this.timelineMs())
    const heard = this.muted ? new Int16Array(samples.length) : samples
    for (const event of this.vad!.push(heard)) this.onVad(event)
  }

  private onVad(event: VadEvent): void {
    const audioMs = event.type === 'speech_started' ? event.onsetMs : event.audioEndMs
    this.options.log.record(this.id, { kind: 'vad', type: event.type, audio_ms: audioMs })
    if (event.type === 'speech_started') {
      this.onsetMs = event.onsetMs
      return this.bargeIn()
    }
    const zero = this.audioZeroMs ?? 0
    const startMs = zero + this.onsetMs
    const endMs = zero + event.lastVoicedMs
    const pending = this.planner.commitTurn(Math.round(event.audioEndMs - this.onsetMs))
    this.transcribe(pending, startMs, endMs)
    this.reply(this.planner.forTurn(pending, 'speech_stopped', this.options.timers.now()))
  }

  /** Caller speech over the agent: its audio and transcript stop; waiting replies are dropped. */
  private bargeIn(): void {
    this.pendingCancels.splice(0).forEach((cancel) => cancel())
    this.queued.length = 0
    const speech = this.speech
    if (!speech) return
    const outcome = speech.cut()
    if (outcome && speech.audioStarted)
      this.options.log.record(this.id, {
        kind: 'barge_in',
        response_id: speech.id,
        played_ms: outcome.playedMs,
        total_ms: outcome.totalMs,
        caller_audio_ms: this.onsetMs
      })
  }

  /** The scripted caller line as input transcript deltas spread over the turn's span. */
  private transcribe(pending: PendingTurn, startMs: number, endMs: number): void {
    const words = pending.transcript.split(/\s+/).filter(Boolean)
    const perWord = words.length ? (endMs - startMs) / words.length : 0
    const delay = this.options.scenario.transcription_delay_ms
    for (let i = 0; i < words.length; i += WORDS_PER_DELTA) {
      const chunk = words.slice(i, i + WORDS_PER_DELTA)
      this.options.timers.after((delay * (i + 1)) / (words.length + 1), () => {
        if (this.closed) return
        this.channel.send({
          type: 'session.input_transcript.delta',
          delta: (i === 0 ? '' : ' ') + chunk.join(' '),
          start_ms: Math.round(startMs + i * perWord),
          end_ms: Math.round(startMs + (i + chunk.length) * perWord)
        })
      })
    }
  }

  /** Runs a scripted reply: its delay, the delegation it makes, then its speech. */
  private reply(plan: ResponsePlan): void {
    if (this.speech) return void this.queued.push(plan)
    this.replyTriggeredAt = plan.triggeredAt
    const cancel = this.options.timers.after(plan.delayMs, () => {
      this.pendingCancels = this.pendingCancels.filter((c) => c !== cancel)
      if (this.closed) return
      if (plan.toolCall) this.delegate(plan)
      if (plan.say !== undefined) void this.speak(plan.say)
    })
    this.pendingCancels.push(cancel)
  }

  /** A tool turn: the model hands the task to the client, which learns it from the transcript. */
  private delegate(plan: ResponsePlan): void {
    const id = newId('deleg')
    const offsetMs = this.timelineMs()
    this.delegations.set(id, plan)
    this.planner.toolCalled(id, plan)
    this.channel.send({
      type: 'session.delegation.created',
      delegation: { id, target: 'client', type: 'delegation' },
      offset_ms: offsetMs
    })
    this.options.log.record(this.id, {
      kind: 'delegation',
      state: 'created',
      delegation_id: id,
      offset_ms: offsetMs,
      expected_tool: plan.toolCall!.name,
      expected_arguments: plan.toolCall!.arguments
    })
  }

  private async speak(text: string): Promise<void> {
    const { voice, scenario } = this.options
    const samples = await voice.speak(text, scenario.language)
    if (this.closed) return
    const speech = new LiveSpeech(text, samples, {
      channel: this.channel,
      timers: this.options.timers,
      playout: this.playout,
      socketFormat: this.options.socketFormat,
      timelineMs: () => this.timelineMs(),
      onFirstAudio: (s) => this.firstAudio(s),
      onDone: (s, outcome) => this.spoken(s, outcome)
    })
    this.speech = speech
    speech.start()
  }

  private firstAudio(speech: LiveSpeech): void {
    this.options.log.record(this.id, {
      kind: 'response_delay',
      response_id: speech.id,
      trigger: 'speech_stopped',
      scripted_delay_ms: 0,
      actual_delay_ms: Math.round(this.options.timers.now() - this.replyTriggeredAt)
    })
  }

  private spoken(speech: LiveSpeech, outcome: SpeechOutcome): void {
    if (this.speech === speech) this.speech = null
    this.options.log.record(this.id, {
      kind: 'agent_speech',
      response_id: speech.id,
      text: speech.text,
      played_ms: outcome.playedMs,
      total_ms: outcome.totalMs,
      cut: outcome.cut
    })
    this.sendUsage()
    const next = this.queued.shift()
    if (next && !this.closed) this.reply(next)
  }

  private appendContext(event: ContextEvent, clientEventId: string | undefined): void {
    const id = event.delegation_id
    if (id !== null && !this.delegations.has(id))
      return this.sendError(
        invalidRequest('invalid_value', `Unknown delegation_id '${id}'.`, 'delegation_id'),
        clientEventId
      )
    const at = this.timelineMs()
    const type = event.type.replace(/append$/, 'appended') as
      'session.instructions.appended' | 'session.thinking.appended' | 'session.commentary.appended'
    this.channel.send({
      type,
      start_ms: at,
      end_ms: at,
      ...(clientEventId && { client_event_id: clientEventId })
    })
    if (event.type !== 'session.commentary.append' || id === null) return
    // The delegation's result: the scripted follow-up speaks it (template filled from it).
    this.delegations.delete(id)
    this.options.log.record(this.id, {
      kind: 'delegation',
      state: 'answered',
      delegation_id: id,
      offset_ms: at,
      content: event.content
    })
    this.planner.toolOutput(id, event.content)
    this.reply(this.planner.forResponseCreate({}, this.options.timers.now()))
  }

  private sendUsage(): void {
    if (this.closed) return
    this.channel.send({ type: 'session.usage.updated', usage: this.usage() })
  }

  /** Cumulative audio seconds: whole seconds of session timeline (inferred measure). */
  private usage(): { seconds: number } {
    return { seconds: Math.floor(this.timelineMs() / 1000) }
  }

  private finalize(reason: SessionClosedEvent['reason'], clientEventId?: string): void {
    this.pendingCancels.splice(0).forEach((cancel) => cancel())
    this.queued.length = 0
    this.speech?.cut()
    this.channel.send({
      type: 'session.closed',
      reason,
      session: this.resource,
      usage: this.usage(),
      ...(clientEventId && { client_event_id: clientEventId })
    })
    this.closed = true
    this.options.log.record(this.id, { kind: 'call', state: 'closed', detail: reason })
    if (reason === 'close_requested') this.channel.close()
  }

  private sendError(error: ApiErrorBody, clientEventId: string | null | undefined): void {
    const { type, code, message, param } = error
    this.channel.send({
      type: 'error',
      error: {
        type,
        code: code ?? 'invalid_request',
        message: String(message),
        ...(typeof param === 'string' && { param }),
        ...(clientEventId && { client_event_id: clientEventId })
      },
      ...(clientEventId && { client_event_id: clientEventId })
    })
  }
}
