import type { CallMetricsConfig } from './callConfig'
import { DEFAULT_CALL_METRICS_CONFIG } from './callConfig'
import type { ConnectionStatus } from './callEvents'
import type {
  AgentResponse,
  CallError,
  CallerUtterance,
  ResponseOrigin,
  ToolCallRecord
} from './callRecords'
import type { CallDomainEvent } from './domainEvents'
import type { TokenTotals } from './usageCost'
import type { LiveAdapterState } from './liveAdapter'
import { EMPTY_TOKEN_TOTALS } from './usageCost'

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

/** What a supervisor told the agent, and when it was sent. */
export interface SupervisorInstruction {
  t: number
  text: string
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
  /** A supervisor's instructions sent to the agent mid-call (system messages), in order. */
  instructions: SupervisorInstruction[]
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
  /** A GPT-Live call's adapter state (liveAdapter.ts); null on a Realtime call. */
  live: LiveAdapterState | null
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
    instructions: [],
    responses: [],
    toolCalls: [],
    errors: [],
    tokens: EMPTY_TOKEN_TOTALS,
    events: [],
    pendingCommitItemId: null,
    clientRequests: [],
    pendingToolOutputs: [],
    clientClearT: null,
    clientCancelT: null,
    live: null
  }
}
