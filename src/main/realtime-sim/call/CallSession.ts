import type { ClientEventOf } from '../../../shared/realtime/clientEvents'
import { EnergyVad, type VadEvent } from '../../../shared/realtime/energyVad'
import type { ServerItem } from '../../../shared/realtime/serverEvents'
import { AgentPlayout } from '../audio/AgentPlayout'
import type { AgentVoice } from '../audio/agentVoice'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import { type ApiErrorBody, invalidRequest } from '../protocol/apiErrors'
import type { Scenario } from '../scenario/scenarioSchema'
import { seededRandom } from '../scenario/sampleDelay'
import { applySessionUpdate, type EffectiveSession } from '../session/effectiveSession'
import { appendedAudio } from './appendedAudio'
import { AssistantAudioItems } from './AssistantAudioItems'
import type { CallTransport, EventVia } from './callTransport'
import { Conversation, CONVERSATION_ROOT } from './Conversation'
import { EventChannel, type EventObserver, type EventTransport } from './EventChannel'
import { transcribeTurn } from './inputTranscription'
import { newId } from './ids'
import { parseClientEvent } from './parseClientEvent'
import { RateLimitMeter } from './RateLimitMeter'
import { ResponsePlanner, type PendingTurn } from './ResponsePlanner'
import { ResponseRunner, type ResponsePlan } from './ResponseRunner'
import type { Timers } from './Timers'
import { vadSettings } from './vadSettings'

export interface CallSessionOptions {
  callId: string
  session: EffectiveSession
  scenario: Scenario
  voice: AgentVoice
  timers: Timers
  transport: EventTransport
  log: GroundTruthLog
  /** How the caller is connected (default WebRTC); on a WebSocket the caller plays the audio. */
  kind?: CallTransport
}

const MIN_COMMIT_MS = 100

/**
 * One call's protocol state: the client events it accepts, VAD turns on the caller's audio,
 * barge-in, and the scripted responses. Transport-free: the WebRTC peer feeds it audio frames
 * and data channel messages and pulls agent frames; unit tests do the same with virtual time.
 */
export class CallSession {
  readonly playout = new AgentPlayout()
  private session: EffectiveSession
  private readonly channel: EventChannel
  private readonly conversation = new Conversation()
  private readonly audioItems = new AssistantAudioItems()
  private readonly rateLimits: RateLimitMeter
  private readonly planner: ResponsePlanner
  private vad: { key: string; detector: EnergyVad } | null = null
  private samplesReceived = 0
  private uncommittedMs = 0
  private speechItemId: string | null = null
  private speechOnsetMs = 0
  private active: ResponseRunner | null = null
  private agentHasSpoken = false
  private closed = false

  constructor(private readonly options: CallSessionOptions) {
    this.session = options.session
    this.channel = new EventChannel(options.callId, options.transport, options.log)
    this.rateLimits = new RateLimitMeter(options.timers)
    this.planner = new ResponsePlanner(options.scenario, seededRandom(options.scenario.seed))
  }

  /** The data channel opened: the API greets with `session.created`. */
  open(): void {
    this.channel.send({ type: 'session.created', session: this.session })
  }

  /** The peer is gone: stop the running answer's timers; nothing more can be sent. */
  close(): void {
    this.closed = true
    this.playout.clear()
    this.active?.cancel('client_cancelled')
  }

  /** The next 10 ms of agent audio, or null for silence. */
  pullFrame(): Int16Array | null {
    return this.playout.pull()
  }

  /** Every event the call sends from now on also goes to `observer`; returns the detach. */
  observe(observer: EventObserver): () => void {
    return this.channel.observe(observer)
  }

  /** A client event from the caller's connection, or from a sideband (`via`). */
  receive(text: string, via: EventVia = this.kind): void {
    if (this.closed) return
    const parsed = parseClientEvent(text)
    // Appended audio is media, like WebRTC's frames: logging each chunk would flood the log.
    if (!parsed.ok || parsed.event.type !== 'input_audio_buffer.append')
      this.options.log.record(this.options.callId, {
        kind: 'event',
        direction: 'received',
        event: parsed.ok ? parsed.event : text,
        via
      })
    if (!parsed.ok) return this.sendError(parsed.error)
    const { event } = parsed
    switch (event.type) {
      case 'session.update':
        return this.updateSession(event)
      case 'conversation.item.create':
        return this.createItem(event)
      case 'response.create':
        return this.createResponse(event)
      case 'response.cancel':
        return this.cancelResponse(event)
      case 'output_audio_buffer.clear':
        return this.clearOutput(event)
      case 'input_audio_buffer.clear':
        return this.clearInput()
      case 'input_audio_buffer.commit':
        return this.commitInput(event)
      case 'input_audio_buffer.append':
        return this.appendInput(event)
      case 'conversation.item.truncate':
        return this.truncateItem(event, via)
      case 'conversation.item.retrieve':
        return this.retrieveItem(event)
      case 'conversation.item.delete':
        return this.deleteItem(event)
    }
  }

  /** One frame of the caller's audio (mono 16-bit). */
  receiveAudio(samples: Int16Array, sampleRate: number): void {
    if (this.closed) return
    const detector = this.currentVad(sampleRate)
    this.samplesReceived += samples.length
    this.uncommittedMs += (samples.length * 1000) / sampleRate
    for (const event of detector?.push(samples) ?? []) this.onVad(event)
  }

  private get kind(): CallTransport {
    return this.options.kind ?? 'webrtc'
  }

  /** Base64 audio in the session's input format, the WebSocket caller's microphone. */
  private appendInput(event: ClientEventOf<'input_audio_buffer.append'>): void {
    const audio = appendedAudio(event.audio, this.session.audio.input.format)
    if (!audio.ok) return this.sendError(audio.error, event.event_id)
    for (const frame of audio.frames) this.receiveAudio(frame, audio.sampleRate)
  }

  private truncateItem(event: ClientEventOf<'conversation.item.truncate'>, via: EventVia): void {
    const outcome = this.audioItems.truncate(event, this.conversation.has(event.item_id))
    if (!outcome.ok)
      return this.sendError(
        outcome.error,
        outcome.error.event_id === null ? undefined : event.event_id
      )
    const { item_id, content_index, audio_end_ms } = event
    this.channel.send({ type: 'conversation.item.truncated', item_id, content_index, audio_end_ms })
    this.options.log.record(this.options.callId, {
      kind: 'truncate',
      item_id,
      audio_end_ms,
      audio_ms: outcome.audioMs,
      via
    })
  }

  private currentVad(sampleRate: number): EnergyVad | null {
    const turn = this.session.audio.input.turn_detection
    if (!turn) return (this.vad = null)
    const key = `${JSON.stringify(turn)}@${sampleRate}`
    if (this.vad?.key !== key)
      this.vad = {
        key,
        detector: new EnergyVad(vadSettings(turn), sampleRate, this.samplesReceived)
      }
    return this.vad.detector
  }

  private onVad(event: VadEvent): void {
    const turn = this.session.audio.input.turn_detection
    const audioMs = event.type === 'speech_started' ? event.onsetMs : event.audioEndMs
    this.options.log.record(this.options.callId, {
      kind: 'vad',
      type: event.type,
      audio_ms: audioMs
    })
    if (event.type === 'speech_started') {
      this.speechItemId = newId('item')
      this.speechOnsetMs = event.onsetMs
      this.channel.send({
        type: 'input_audio_buffer.speech_started',
        audio_start_ms: event.audioStartMs,
        item_id: this.speechItemId
      })
      if (turn?.interrupt_response !== false) this.bargeIn()
      return
    }
    const itemId = this.speechItemId ?? newId('item')
    // The turn's ground-truth clock starts as speech_stopped leaves, the event the console
    // measures from; the commit's events sent below take milliseconds more under load.
    const stoppedAt = this.options.timers.now()
    this.channel.send({
      type: 'input_audio_buffer.speech_stopped',
      audio_end_ms: event.audioEndMs,
      item_id: itemId
    })
    const pending = this.commit(itemId)
    if (turn?.create_response !== false && !this.active && !this.closed)
      this.start(this.planner.forTurn(pending, 'speech_stopped', stoppedAt))
  }

  /** Caller speech while the agent talks: drop unplayed audio and cancel the running answer. */
  private bargeIn(): void {
    const cleared = this.playout.clear()
    if (cleared) {
      this.channel.send({ type: 'output_audio_buffer.cleared', response_id: cleared.responseId })
      this.options.log.record(this.options.callId, {
        kind: 'barge_in',
        response_id: cleared.responseId,
        played_ms: cleared.playedMs,
        total_ms: cleared.totalMs,
        caller_audio_ms: this.speechOnsetMs
      })
    }
    if (this.active?.conversationMode === 'auto') this.active.cancel('turn_detected')
  }

  /** Commits the caller's audio as a user item; the scripted turn waits for its response. */
  private commit(itemId: string): PendingTurn {
    const item: ServerItem = {
      id: itemId,
      object: 'realtime.item',
      type: 'message',
      role: 'user',
      status: 'completed',
      content: [{ type: 'input_audio', transcript: null }]
    }
    const previous = this.conversation.add(item)
    this.channel.send({
      type: 'input_audio_buffer.committed',
      item_id: itemId,
      previous_item_id: previous
    })
    this.channel.send({ type: 'conversation.item.added', item, previous_item_id: previous })
    this.channel.send({ type: 'conversation.item.done', item, previous_item_id: previous })
    const pending = this.planner.commitTurn(Math.round(this.uncommittedMs))
    this.uncommittedMs = 0
    this.speechItemId = null
    this.transcribe(item, pending)
    this.injectTurnFaults(pending.number)
    return pending
  }

  /** Transcribes a committed turn: deltas spread over the delay, then `.completed`. */
  private transcribe(item: ServerItem, pending: PendingTurn): void {
    const transcription = this.session.audio.input.transcription
    if (!transcription) return
    const { scenario, timers } = this.options
    const delayMs = scenario.transcription_delay_ms
    const { deltas, ...result } = transcribeTurn(
      transcription,
      pending.transcript,
      pending.inputAudioMs,
      pending.language
    )
    const ref = { item_id: item.id, content_index: 0 }
    deltas.forEach((delta, i) =>
      timers.after((delayMs * (i + 1)) / (deltas.length + 1), () =>
        this.channel.send({
          type: 'conversation.item.input_audio_transcription.delta',
          ...ref,
          delta
        })
      )
    )
    timers.after(delayMs, () => {
      // The item keeps its transcript, as conversation.item.retrieve then reports it.
      item.content = [{ type: 'input_audio', transcript: pending.transcript }]
      this.channel.send({
        type: 'conversation.item.input_audio_transcription.completed',
        ...ref,
        transcript: pending.transcript,
        ...result
      })
    })
  }

  private injectTurnFaults(turnNumber: number): void {
    for (const fault of this.options.scenario.faults)
      if (fault.type === 'drop_data_channel' && fault.at_turn === turnNumber) {
        this.options.log.record(this.options.callId, {
          kind: 'fault',
          fault: 'drop_data_channel',
          detail: `turn ${turnNumber}`
        })
        this.channel.close()
      }
  }

  private start(plan: ResponsePlan): void {
    if (plan.say !== undefined) this.agentHasSpoken = true
    const runner: ResponseRunner = new ResponseRunner(plan, {
      callId: this.options.callId,
      session: this.session,
      language: this.options.scenario.language,
      generationSpeed: this.options.scenario.generation_speed,
      channel: this.channel,
      timers: this.options.timers,
      playout: this.playout,
      voice: this.options.voice,
      log: this.options.log,
      conversation: this.conversation,
      rateLimits: this.rateLimits,
      audioOut: this.kind === 'websocket' ? 'deltas' : 'playout',
      audioItems: this.audioItems,
      onToolCall: (callId) => this.planner.toolCalled(callId, plan),
      onFinished: () => {
        if (this.active === runner) this.active = null
      }
    })
    this.active = runner
    runner.start()
  }

  private updateSession(event: ClientEventOf<'session.update'>): void {
    // A running call keeps its model; clients such as the Agents SDK send theirs in every
    // update, and the rest of the update (instructions, tools) still applies.
    const session = { ...event.session, model: undefined }
    const voice = session.audio?.output?.voice
    if (voice !== undefined && voice !== this.session.audio.output.voice && this.agentHasSpoken)
      return this.sendError(
        invalidRequest(
          'cannot_update_voice',
          "Cannot update a conversation's voice if assistant audio is present.",
          'session.audio.output.voice'
        ),
        event.event_id
      )
    this.session = applySessionUpdate(this.session, session)
    this.channel.send({ type: 'session.updated', session: this.session })
  }

  private createItem(event: ClientEventOf<'conversation.item.create'>): void {
    const previousId = event.previous_item_id
    if (previousId && previousId !== CONVERSATION_ROOT && !this.conversation.has(previousId))
      return this.sendError(
        invalidRequest(
          'invalid_value',
          `Previous item with id '${previousId}' not found.`,
          'previous_item_id'
        ),
        event.event_id
      )
    const item = {
      ...event.item,
      id: event.item.id ?? newId('item'),
      object: 'realtime.item',
      status: 'completed'
    } as ServerItem
    const previous = this.conversation.add(item, previousId)
    this.channel.send({ type: 'conversation.item.added', item, previous_item_id: previous })
    this.channel.send({ type: 'conversation.item.done', item, previous_item_id: previous })
    if (event.item.type === 'function_call_output') {
      this.planner.toolOutput(event.item.call_id, event.item.output)
      this.options.log.record(this.options.callId, {
        kind: 'tool_call',
        function_call_id: event.item.call_id,
        name: '',
        arguments: '',
        output: event.item.output
      })
    } else if (event.item.type === 'message' && event.item.role === 'user') {
      const text = event.item.content.map((c) => ('text' in c ? c.text : '')).join(' ')
      this.planner.commitTyped(text)
    }
  }

  private retrieveItem(event: ClientEventOf<'conversation.item.retrieve'>): void {
    const item = this.conversation.item(event.item_id)
    if (!item) return this.itemNotFound(event.item_id, event.event_id)
    this.channel.send({ type: 'conversation.item.retrieved', item: structuredClone(item) })
  }

  private deleteItem(event: ClientEventOf<'conversation.item.delete'>): void {
    if (!this.conversation.delete(event.item_id))
      return this.itemNotFound(event.item_id, event.event_id)
    this.channel.send({ type: 'conversation.item.deleted', item_id: event.item_id })
  }

  private itemNotFound(itemId: string, eventId: string | undefined): void {
    this.sendError(
      invalidRequest('item_not_found', `Item with item_id '${itemId}' not found.`, 'item_id'),
      eventId
    )
  }

  private createResponse(event: ClientEventOf<'response.create'>): void {
    if (this.active)
      return this.sendError(
        invalidRequest(
          'conversation_already_has_active_response',
          `Conversation already has an active response in progress: ${this.active.id}. Wait until the response is finished before creating a new one.`
        ),
        event.event_id
      )
    this.start(this.planner.forResponseCreate(event.response ?? {}, this.options.timers.now()))
  }

  private cancelResponse(event: ClientEventOf<'response.cancel'>): void {
    const active = this.active
    if (!active || (event.response_id !== undefined && event.response_id !== active.id))
      return this.sendError(
        invalidRequest(
          'response_cancel_not_active',
          'Cancellation failed: no active response found.'
        ),
        event.event_id
      )
    active.cancel('client_cancelled')
  }

  private clearOutput(event: ClientEventOf<'output_audio_buffer.clear'>): void {
    // The server holds no output buffer on a WebSocket (the client plays the deltas): the
    // reference documents the event for WebRTC and SIP only. The wording is ours.
    if (this.kind === 'websocket')
      return this.sendError(
        invalidRequest(
          'invalid_value',
          "The event 'output_audio_buffer.clear' is only supported on WebRTC and SIP connections.",
          'type'
        ),
        event.event_id
      )
    const cleared = this.playout.clear()
    if (cleared)
      this.channel.send({ type: 'output_audio_buffer.cleared', response_id: cleared.responseId })
  }

  private clearInput(): void {
    this.vad?.detector.reset()
    this.uncommittedMs = 0
    this.speechItemId = null
    this.channel.send({ type: 'input_audio_buffer.cleared' })
  }

  private commitInput(event: ClientEventOf<'input_audio_buffer.commit'>): void {
    const ms = Math.round(this.uncommittedMs)
    if (ms < MIN_COMMIT_MS)
      return this.sendError(
        invalidRequest(
          'input_audio_buffer_commit_empty',
          `Error committing input audio buffer: buffer too small. Expected at least ${MIN_COMMIT_MS}ms of audio, but buffer only has ${ms}.00ms of audio.`
        ),
        event.event_id
      )
    this.vad?.detector.reset()
    this.commit(this.speechItemId ?? newId('item'))
  }

  private sendError(error: ApiErrorBody & { event_id?: string | null }, eventId?: string): void {
    this.channel.send({
      type: 'error',
      error: { ...error, event_id: eventId ?? error.event_id ?? null }
    })
  }
}
