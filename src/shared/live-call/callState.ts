import type { CallMetricsConfig } from './callConfig'
import { DEFAULT_CALL_METRICS_CONFIG } from './callConfig'
import type { ConnectionStatus, ResponseStatus } from './callEvents'
import type { CallDomainEvent } from './domainEvents'
import type { TokenTotals } from './usageCost'
import { EMPTY_TOKEN_TOTALS } from './usageCost'

/**
 * What a caller utterance turned out to be. Only `turn` and `barge_in` take the floor;
 * `barge_in` is the one counted as an interruption.
 * - turn: speech while the agent was not playing audio.
 * - barge_in: speech over agent audio that made the server cut it (cleared / cancelled
 *   `turn_detected`), not a backchannel, not an echo suspect.
 * - backchannel: an acknowledgement over agent audio ("mm-hmm", "vale", "d'accord").
 * - echo_suspect: likely the agent's own voice picked up by the caller's microphone.
 * - overlap: speech over agent audio that cut nothing and is not an acknowledgement.
 */
export type UtteranceKind = 'turn' | 'barge_in' | 'backchannel' | 'echo_suspect' | 'overlap'

export interface CallerUtterance {
  itemId: string
  sessionId: string | null
  startT: number
  stopT: number | null
  committedT: number | null
  /** Streaming transcription deltas, replaced by the completed transcript. */
  text: string
  /** The completed transcript; null until `…transcription.completed`. */
  transcript: string | null
  transcriptionFailed: boolean
  /** First code of `…transcription.completed.languages` (gpt-transcribe only). */
  language: string | null
  /** The agent response whose audio was playing when the caller started, and for how long. */
  overAgent: { responseId: string; sinceAudioMs: number } | null
  /** The server cut that response for this speech. */
  cutAgent: boolean
  /** null while undecided (an overlapping utterance waits for its end and its transcript). */
  kind: UtteranceKind | null
  echo: { byTiming: boolean; byText: boolean } | null
  /** When `turn.completed` was emitted for it (floor-taking utterances only). */
  turnCompletedT: number | null
}

/**
 * Why a response was made: `vad` = the server's automatic answer to a committed caller turn;
 * `client` = a console `response.create` (greeting, instruction); `tool_followup` = the answer
 * after `function_call_output`; `out_of_band` = `conversation: "none"` (filler).
 */
export type ResponseOrigin = 'vad' | 'client' | 'tool_followup' | 'out_of_band'

export interface ResponseCut {
  t: number
  /** caller = barge-in; console = "stop agent speaking"; server = cleared with no known cause. */
  by: 'caller' | 'console' | 'server'
  callerItemId: string | null
  confirmedBy: 'cleared' | 'cancelled'
}

export interface AgentResponse {
  id: string
  sessionId: string | null
  origin: ResponseOrigin
  /** vad: the caller item answered; tool_followup: the caller item whose tool call it answers. */
  callerItemId: string | null
  createdT: number
  /** Generated text so far (transcript deltas): more than was heard when the answer was cut. */
  text: string
  /** Audio is part of this response (transcript delta, audio done or buffer started seen). */
  hasAudio: boolean
  audioStartT: number | null
  firstAudibleT: number | null
  audioEndT: number | null
  audioEnd: 'stopped' | 'cleared' | 'lost' | null
  status: ResponseStatus | 'lost'
  statusReason: string | null
  doneT: number | null
  outputAudioTokens: number | null
  cut: ResponseCut | null
  functionCallIds: string[]
}

export interface ToolCallRecord {
  callId: string
  name: string
  arguments: string
  /** The parsed arguments, or null when they are not valid JSON. */
  args: unknown
  responseId: string | null
  /** The caller turn the call serves. */
  callerItemId: string | null
  requestedT: number
  result: {
    t: number
    ok: boolean
    ms: number
    resultBytes: number
    resultCount: number | null
    error: string | null
  } | null
  outputSentT: number | null
  followUpResponseId: string | null
}

export interface CallError {
  t: number
  source: 'server' | 'response' | 'transcription' | 'connection' | 'tool'
  type: string
  code: string | null
  message: string
}

export interface ConnectionState {
  status: ConnectionStatus
  sessionId: string | null
  model: string | null
  /** Sessions seen; a reconnect is every session after the first. */
  sessionIds: string[]
  /** null = unknown (no session event yet). */
  transcriptionEnabled: boolean | null
  message: string | null
}

/** A `response.create` the console sent, waiting for its `response.created`. */
export interface ClientRequest {
  t: number
  origin: Exclude<ResponseOrigin, 'vad'>
  callerItemId: string | null
  /** Tool calls whose outputs this request answers (tool_followup). */
  callIds: string[]
}

export interface CallState {
  config: CallMetricsConfig
  startedT: number | null
  lastT: number | null
  endedT: number | null
  connection: ConnectionState
  callerSpeakingItemId: string | null
  playingResponseId: string | null
  activeResponseId: string | null
  /** The ear meter on the remote track is above the noise floor. */
  earAudible: boolean
  /** This session delivers `output_audio_buffer.*` (else the ear meter stands in). */
  audioBufferEvents: boolean
  utterances: CallerUtterance[]
  responses: AgentResponse[]
  toolCalls: ToolCallRecord[]
  errors: CallError[]
  tokens: TokenTotals
  /** Derived domain events, append-only: rules read the new tail after each input. */
  events: CallDomainEvent[]
  /** Linking scratch: committed caller item awaiting the server's automatic response. */
  pendingCommitItemId: string | null
  clientRequests: ClientRequest[]
  /** Tool outputs sent since the last response.create: the next one is their follow-up. */
  pendingToolOutputs: string[]
  clientClearT: number | null
  clientCancelT: number | null
}

export function initialCallState(
  config: CallMetricsConfig = DEFAULT_CALL_METRICS_CONFIG
): CallState {
  return {
    config,
    startedT: null,
    lastT: null,
    endedT: null,
    connection: {
      status: 'idle',
      sessionId: null,
      model: null,
      sessionIds: [],
      transcriptionEnabled: null,
      message: null
    },
    callerSpeakingItemId: null,
    playingResponseId: null,
    activeResponseId: null,
    earAudible: false,
    audioBufferEvents: false,
    utterances: [],
    responses: [],
    toolCalls: [],
    errors: [],
    tokens: EMPTY_TOKEN_TOTALS,
    events: [],
    pendingCommitItemId: null,
    clientRequests: [],
    pendingToolOutputs: [],
    clientClearT: null,
    clientCancelT: null
  }
}
