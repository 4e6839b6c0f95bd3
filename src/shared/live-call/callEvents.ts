// What the call reducer is fed: GA server events, the console's own client events, and local
// observations from the page. Only the fields the reducer reads are declared, so the zod-parsed
// events of src/shared/realtime (and recorded JSON) fit without conversion; see
// callEvents.test.ts for the compatibility check.

/** One input: `t` is the page clock (performance.now(), ms) at arrival, sending or observation. */
export interface CallInput {
  t: number
  event: CallEvent
}

// ---- Server events (GA names, protocol doc §4) ----

export interface SessionEvent {
  type: 'session.created' | 'session.updated'
  session: {
    id?: string
    model?: string
    audio?: { input?: { transcription?: unknown; turn_detection?: unknown } }
  }
}
export interface SpeechStartedEvent {
  type: 'input_audio_buffer.speech_started'
  item_id: string
  audio_start_ms?: number
}
export interface SpeechStoppedEvent {
  type: 'input_audio_buffer.speech_stopped'
  item_id: string
  audio_end_ms?: number
}
export interface CommittedEvent {
  type: 'input_audio_buffer.committed'
  item_id: string
  previous_item_id?: string | null
}
export interface TranscriptionDeltaEvent {
  type: 'conversation.item.input_audio_transcription.delta'
  item_id: string
  delta: string
}
export interface TranscriptionCompletedEvent {
  type: 'conversation.item.input_audio_transcription.completed'
  item_id: string
  transcript: string
  usage?: TranscriptionUsage
  languages?: readonly { code: string }[]
}
export interface TranscriptionFailedEvent {
  type: 'conversation.item.input_audio_transcription.failed'
  item_id: string
  error?: { type?: string; code?: string | null; message?: string }
}
export type TranscriptionUsage =
  | { type: 'tokens'; input_tokens: number; output_tokens: number; total_tokens?: number }
  | { type: 'duration'; seconds: number }

export interface ResponseUsageLike {
  input_tokens: number
  output_tokens: number
  total_tokens?: number
  input_token_details?: {
    text_tokens?: number
    audio_tokens?: number
    cached_tokens?: number
    cached_tokens_details?: { text_tokens?: number; audio_tokens?: number }
  }
  output_token_details?: { text_tokens?: number; audio_tokens?: number }
}
export type ResponseStatus = 'completed' | 'cancelled' | 'failed' | 'incomplete' | 'in_progress'
export interface ResponseLike {
  id: string
  status?: ResponseStatus
  status_details?: {
    type?: string
    reason?: string
    error?: { type?: string; code?: string }
  } | null
  usage?: ResponseUsageLike | null
  conversation_id?: string | null
  metadata?: Record<string, string> | null
}
export interface ResponseCreatedEvent {
  type: 'response.created'
  response: ResponseLike
}
export interface ResponseDoneEvent {
  type: 'response.done'
  response: ResponseLike
}
export interface AgentTextDeltaEvent {
  type: 'response.output_audio_transcript.delta' | 'response.output_text.delta'
  response_id: string
  delta: string
}
export interface AgentTextDoneEvent {
  type: 'response.output_audio_transcript.done' | 'response.output_text.done'
  response_id: string
  transcript?: string
  text?: string
}
export interface AudioDoneEvent {
  type: 'response.output_audio.done'
  response_id: string
}
export interface FunctionCallArgumentsDoneEvent {
  type: 'response.function_call_arguments.done'
  response_id: string
  call_id: string
  name: string
  arguments: string
}
export interface OutputAudioBufferEvent {
  type:
    'output_audio_buffer.started' | 'output_audio_buffer.stopped' | 'output_audio_buffer.cleared'
  response_id: string
}
export interface ErrorEvent {
  type: 'error'
  error: { type: string; code?: string | null; message: string; param?: string | null }
}

export type ServerCallEvent =
  | SessionEvent
  | SpeechStartedEvent
  | SpeechStoppedEvent
  | CommittedEvent
  | TranscriptionDeltaEvent
  | TranscriptionCompletedEvent
  | TranscriptionFailedEvent
  | ResponseCreatedEvent
  | ResponseDoneEvent
  | AgentTextDeltaEvent
  | AgentTextDoneEvent
  | AudioDoneEvent
  | FunctionCallArgumentsDoneEvent
  | OutputAudioBufferEvent
  | ErrorEvent

// ---- Client events the console sends (recorded when sent) ----

export interface ResponseCancelAction {
  type: 'response.cancel'
  response_id?: string
}
export interface OutputAudioClearAction {
  type: 'output_audio_buffer.clear'
}
export interface ItemCreateAction {
  type: 'conversation.item.create'
  item: {
    type: string
    call_id?: string
    output?: string
    /** A message item's role: 'system' for a supervisor's instruction to the agent. */
    role?: string
    content?: { type: string; text?: string }[]
  }
}
export interface ResponseCreateAction {
  type: 'response.create'
  response?: { conversation?: string; metadata?: Record<string, string> | null }
}
export type ClientCallEvent =
  ResponseCancelAction | OutputAudioClearAction | ItemCreateAction | ResponseCreateAction

// ---- Local observations from the page ----

/** Onset of audible energy on the remote track (AnalyserNode above the noise floor). */
export interface RemoteAudibleObservation {
  type: 'remote_audio.audible'
}
/** The remote track fell back under the noise floor. */
export interface RemoteSilentObservation {
  type: 'remote_audio.silent'
}
/** A tool result main returned (catalog.runTool), before the console sends it to the model. */
export interface ToolResultObservation {
  type: 'tool.result'
  call_id: string
  name: string
  ok: boolean
  /** Main-side run time. */
  ms: number
  /** Size of the JSON the model receives. */
  result_bytes: number
  /** Hits for search tools; null when the tool has no notion of results. */
  result_count?: number | null
  error?: string | null
  arguments?: string
}
export type ConnectionStatus =
  'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed'
export interface ConnectionObservation {
  type: 'connection.state'
  state: ConnectionStatus
  message?: string
}
/** A heartbeat (e.g. every 250 ms) so time-based decisions settle when no event arrives. */
export interface ClockTickObservation {
  type: 'clock.tick'
}
/** Hang-up: open utterances and turns are settled and closed. */
export interface CallEndedObservation {
  type: 'call.ended'
}
/**
 * Main's reading of one caller utterance for the live negative-sentiment rule, when calls are
 * labelled by a model (the lexicon's reading when the model failed). Recorded with the call,
 * so backtests replay the same verdicts.
 */
export interface SentimentReadObservation {
  type: 'sentiment.read'
  item_id: string
  negative: boolean
  /** The caller's words that show it (model), or the lexicon's cue words. */
  cue: string
  /** 'model:<name>', or 'lexicon' when the model could not answer. */
  reader: string
}
/**
 * A supervisor's command to a call the call gateway carries (instruct, stop, transfer, end), as
 * the gateway records it: requested (before a transfer or hang-up asks the API, since the call
 * then ends), then done or failed with the reason. Shown in the recorded call's events.
 */
export interface SupervisorCommandObservation {
  type: 'supervisor.command'
  command_id: number
  action: 'instruct' | 'stop_agent' | 'transfer' | 'end_call'
  by_seat: string
  state: 'requested' | 'done' | 'failed'
  /** transfer: where the caller was sent. */
  target_uri?: string
  reason?: string
}
/**
 * A gateway call's sideband attached again after a gap (docs/gateway.md "Leases"): by another
 * instance once the holder's lease was lost (its process died), or by the same instance after its
 * sideband dropped. What the API sent during `gap_ms` was not seen (the sideband sees only what
 * is sent after it attaches); `call_gone`: the call had ended meanwhile, nothing more follows.
 */
export interface GatewayReattachedObservation {
  type: 'gateway.reattached'
  /** handed_over: its holder was stopping and let it go (a gateway.handed_over precedes it). */
  cause: 'holder_lost' | 'handed_over' | 'sideband_dropped'
  /** Who held the sideband before (the dead or stopping instance, or this one). */
  from_seat: string
  by_seat: string
  /** From the last input recorded before the gap to this attach (or to giving up). */
  gap_ms: number
  outcome: 'attached' | 'call_gone'
  /** Function calls asked before the gap and answered only now. */
  answered_late?: string[]
}

/**
 * A call gateway's sideband joined a GPT-Live session that had already started: a phone call is
 * accepted before its sideband attaches, so the sideband never shows `session.started`. The
 * session's id and model, recorded first, so the call reads as a Live call from its first input
 * (callReducer, liveAdapter), as `session.started` makes a desk's.
 */
export interface SidebandJoinedObservation {
  type: 'sideband.joined'
  session: { id: string; model: string }
}

/**
 * A stopping gateway instance let the call go (docs/gateway.md "Rolling restart"): its sideband
 * detached, what it had received stored, its lease released, the call not finalized. Another
 * instance takes it over (its gateway.reattached follows), or it is taken back.
 */
export interface GatewayHandedOverObservation {
  type: 'gateway.handed_over'
  from_seat: string
}

/**
 * The caller's microphone rose above the floor / fell silent: the page's own VAD, which stands
 * in on GPT-Live calls for the server VAD events Realtime sends (liveAdapter.ts).
 */
export interface MicSpeechObservation {
  type: 'mic.speech_started' | 'mic.speech_stopped'
}
export type LocalObservation =
  | GatewayReattachedObservation
  | SidebandJoinedObservation
  | GatewayHandedOverObservation
  | MicSpeechObservation
  | SupervisorCommandObservation
  | RemoteAudibleObservation
  | RemoteSilentObservation
  | ToolResultObservation
  | ConnectionObservation
  | ClockTickObservation
  | CallEndedObservation
  | SentimentReadObservation

export type KnownCallEvent = ServerCallEvent | ClientCallEvent | LocalObservation
export type KnownCallEventType = KnownCallEvent['type']
/** Events the reducer ignores (rate_limits.updated, conversation.item.added, …) pass through. */
export interface OtherEvent {
  type: string
}
export type CallEvent = KnownCallEvent | OtherEvent
export interface KnownCallInput {
  t: number
  event: KnownCallEvent
}

// A record, not an array, so the compiler insists every known type is listed.
const KNOWN: Record<KnownCallEventType, true> = {
  'session.created': true,
  'session.updated': true,
  'input_audio_buffer.speech_started': true,
  'input_audio_buffer.speech_stopped': true,
  'input_audio_buffer.committed': true,
  'conversation.item.input_audio_transcription.delta': true,
  'conversation.item.input_audio_transcription.completed': true,
  'conversation.item.input_audio_transcription.failed': true,
  'response.created': true,
  'response.done': true,
  'response.output_audio_transcript.delta': true,
  'response.output_text.delta': true,
  'response.output_audio_transcript.done': true,
  'response.output_text.done': true,
  'response.output_audio.done': true,
  'response.function_call_arguments.done': true,
  'output_audio_buffer.started': true,
  'output_audio_buffer.stopped': true,
  'output_audio_buffer.cleared': true,
  error: true,
  'response.cancel': true,
  'output_audio_buffer.clear': true,
  'conversation.item.create': true,
  'response.create': true,
  'remote_audio.audible': true,
  'remote_audio.silent': true,
  'tool.result': true,
  'connection.state': true,
  'clock.tick': true,
  'call.ended': true,
  'sentiment.read': true,
  'supervisor.command': true,
  'gateway.reattached': true,
  'sideband.joined': true,
  'gateway.handed_over': true,
  'mic.speech_started': true,
  'mic.speech_stopped': true
}

/** Whether the reducer reads this event (trusts its shape: parse server events with zod first). */
export function isKnownCallEvent(event: CallEvent): event is KnownCallEvent {
  return Object.hasOwn(KNOWN, event.type)
}
