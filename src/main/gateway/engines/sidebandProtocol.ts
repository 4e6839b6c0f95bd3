import type { ToolCallAsked } from '../../../shared/catalog/toolRun'
import type { CallEvent, CallInput } from '../../../shared/live-call/callEvents'
import type { CallProtocol } from '../../../shared/live-call/callProtocol'

/**
 * One engine's wire protocol as the gateway's sideband speaks it: the desk's CallProtocol
 * (reading server events, the client events for a tool's answer, an instruction, a stop, a
 * hang-up), plus what only a sideband needs: what to send once attached, how a re-attach picks
 * up a recorded call, and which event says the session is over.
 */
export interface SidebandProtocol extends Omit<CallProtocol, 'engine'> {
  /** The sideband is up (a new call): the client events to send first. */
  opened(): ReturnType<CallProtocol['hangup']>
  /**
   * A re-attach: the call's recorded inputs, so turns and tools go on where they were; returns
   * the tool calls asked before the gap and never answered (answered once the sideband is up).
   */
  resume(recorded: readonly CallInput[]): ToolCallAsked[]
  /**
   * What the gateway itself observes after an input, recorded next (GPT-Live: the caller's
   * speech and the agent's audio, read from the sideband's reflected audio).
   */
  notice(t: number, event: CallEvent): CallEvent[]
  /** The event that ends the session (nothing more follows it on the sideband). */
  isFinal(event: CallEvent): boolean
}
