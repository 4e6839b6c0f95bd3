import type { ToolCallAsked } from '../catalog/toolRun'
import type { CallEvent } from './callEvents'
import type { VoiceEngine } from './voiceEngine'

/** A client event the page sends on the data channel (Realtime's or GPT-Live's). */
export interface OutboundEvent {
  type: string
  [field: string]: unknown
}

/** What the page does after an event: say the call is up, send events, run a tool. */
export interface ProtocolStep {
  connected: boolean
  send: OutboundEvent[]
  runTool: ToolCallAsked | null
}

export const NO_STEP: ProtocolStep = { connected: false, send: [], runTool: null }

/**
 * One voice engine's wire protocol as the page speaks it: reading server events, and encoding
 * what the console asks for (answer a tool, a supervisor's instruction, stop the agent, hang
 * up) as that engine's client events. The call engine (WebRTC, microphone, recording) is the
 * same for both; it feeds every input it records back through `observe`.
 */
export interface CallProtocol {
  readonly engine: VoiceEngine
  /** One server event's text: what to record and reduce, and what to do; null: not an event. */
  receive(text: string): { event: CallEvent; step: ProtocolStep } | null
  /** Every input the page records (its own observations and client events included). */
  observe(t: number, event: CallEvent): ProtocolStep
  toolAnswered(asked: ToolCallAsked, output: string): OutboundEvent[]
  instruct(text: string): OutboundEvent[]
  /** Null when the engine has no way to stop the agent mid-sentence. */
  stopAgent(): OutboundEvent[] | null
  hangup(): OutboundEvent[]
}
