import type { ResponseStatus } from './callEvents'

// The records the call reducer keeps (CallState holds them, domain events carry them): plain
// data with no behaviour, so the state, its events and the functions over them can all import
// them without importing each other.

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

/** How much of an agent answer the caller heard before it was cut. */
export interface HeardEstimate {
  /** Agent audio start (`output_audio_buffer.started`) to the cut. */
  heardMs: number
  /** How long the whole answer would have played; null when nothing tells. */
  expectedMs: number | null
  /** 0–100; null when expectedMs is unknown. */
  heardPct: number | null
  /** The generated text split where the cut fell (proportionally, at a word boundary). */
  heardText: string
  unheardText: string
  /**
   * played_out: not cut, heard whole. audio_tokens: the response's output audio tokens (from
   * `response.done` usage) × ms per audio token. text_rate: generated characters × ms per
   * character. Both rates are calibrated on this call's fully played answers when there are
   * enough, else taken from the config.
   */
  basis: 'played_out' | 'audio_tokens' | 'text_rate' | 'unknown'
}

/**
 * Why a turn's latency is left out of P50/P95 (null: it counts).
 * - not_vad_ended: no `speech_stopped` (call ended mid-speech, manual commit).
 * - no_reply: no automatic (VAD) response to it: client-triggered or none.
 * - caller_resumed: the caller spoke again before the reply's audio (abandoned turn).
 * - reply_failed: the reply ended `failed` or `incomplete`.
 * - no_audio: the reply produced no audio (a tool call with no preamble, cancelled before audio).
 */
export type LatencyExclusion =
  'not_vad_ended' | 'no_reply' | 'caller_resumed' | 'reply_failed' | 'no_audio'

export interface TurnRecord {
  /** 1-based, among the caller utterances that took the floor. */
  index: number
  callerItemId: string
  sessionId: string | null
  kind: 'turn' | 'barge_in'
  transcript: string | null
  language: string | null
  callerStartT: number
  callerStopT: number | null
  /** The server's automatic answer to this turn. */
  replyId: string | null
  agentAudioStartT: number | null
  agentAudioEndT: number | null
  agentAudioEnd: AgentResponse['audioEnd']
  firstAudibleT: number | null
  /** speech_stopped → agent audio start; computed even when excluded, for display. */
  latencyMs: number | null
  latencySource: 'event' | 'ear' | null
  /** speech_stopped → first audible energy of the reply on the remote track. */
  atEarLatencyMs: number | null
  exclusion: LatencyExclusion | null
  replyCut: ResponseCut | null
  replyHeard: HeardEstimate | null
  /** For a barge-in: the response this speech cut, and how much of it was heard. */
  interrupted: { responseId: string; heard: HeardEstimate | null } | null
  toolCallIds: string[]
  /** The answer after the tool results (tool turns). */
  answer: { responseId: string; audioStartT: number | null; latencyMs: number | null } | null
}
