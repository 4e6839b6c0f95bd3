import type { ToolCallAsked } from '../catalog/toolRun'
import type { CallEvent } from './callEvents'
import { NO_STEP, type CallProtocol, type OutboundEvent, type ProtocolStep } from './callProtocol'
import { inboundEvent } from './inboundEvent'
import { ResponseTurns } from './responseTurns'

/** The Realtime GA protocol (docs/live-call.md): the console asks for every answer. */
export class RealtimeProtocol implements CallProtocol {
  readonly engine = 'realtime' as const
  /**
   * When the agent is asked to answer, and which function calls are run (the gateway's
   * sideband passes its own: it greets when it attaches, not at `session.created`).
   */
  constructor(private readonly turns = new ResponseTurns()) {}

  receive(text: string): { event: CallEvent; step: ProtocolStep } | null {
    const inbound = inboundEvent(text)
    if (!inbound) return null
    const event = inbound.parsed
    if (!event) return { event: inbound.event, step: NO_STEP }
    if (event.type === 'session.created')
      // The agent answers the phone: a client-triggered greeting (the model does not speak
      // first on its own; the reducer keeps it out of latency, protocol doc §6).
      return {
        event: inbound.event,
        step: { connected: true, send: this.turns.greet() ? [CREATE] : [], runTool: null }
      }
    const step = this.turns.onServerEvent(event)
    return {
      event: inbound.event,
      step: { connected: false, send: step.create ? [CREATE] : [], runTool: step.runTool }
    }
  }

  observe(): ProtocolStep {
    return NO_STEP
  }

  toolAnswered(asked: ToolCallAsked, output: string): OutboundEvent[] {
    const item = { type: 'function_call_output', call_id: asked.callId, output }
    // Queued while a response runs (its own response.done usually is still to come).
    return [
      { type: 'conversation.item.create', item },
      ...(this.turns.toolAnswered() ? [CREATE] : [])
    ]
  }

  /**
   * A system message, then a response. An answer already under way is stopped first (its
   * response.done then sends the queued create), so the agent does not finish a sentence the
   * supervisor wants changed.
   */
  instruct(text: string): OutboundEvent[] {
    const message = {
      type: 'conversation.item.create',
      item: { type: 'message', role: 'system', content: [{ type: 'input_text', text }] }
    }
    const { stopFirst, createNow } = this.turns.instructed()
    return [message, ...(stopFirst ? this.stopAgent() : []), ...(createNow ? [CREATE] : [])]
  }

  /** Cancel a running response, then drop the audio already queued. */
  stopAgent(): OutboundEvent[] {
    return [
      ...(this.turns.responding ? [{ type: 'response.cancel' }] : []),
      { type: 'output_audio_buffer.clear' }
    ]
  }

  /** Realtime's call ends at main's REST hang-up. */
  hangup(): OutboundEvent[] {
    return []
  }
}

const CREATE: OutboundEvent = { type: 'response.create' }
