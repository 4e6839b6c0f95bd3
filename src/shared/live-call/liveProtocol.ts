import type { ToolCallAsked } from '../catalog/toolRun'
import type { CallEvent } from './callEvents'
import { NO_STEP, type CallProtocol, type OutboundEvent, type ProtocolStep } from './callProtocol'
import { initialLiveAdapter, translateLive, type LiveAdapterInput } from './liveAdapter'
import { commentaryOf } from './liveCommentary'
import { LIVE_CLIENT_TYPES, LIVE_SERVER_TYPES, MIC_TYPES } from './liveEvents'
import { liveInboundEvent } from './liveInboundEvent'

const PAGE_OBSERVATIONS: ReadonlySet<string> = new Set([
  'sideband.joined',
  'remote_audio.audible',
  'remote_audio.silent',
  'clock.tick',
  'call.ended'
])

/**
 * GPT-Live (docs/gpt-live.md): the model speaks first and answers by itself; the console's part
 * is answering delegations. It runs the reducer's own adapter on every input, so the tool it
 * runs for a delegation is the one the tool card shows, and answers with the tool's output as
 * the delegation's commentary.
 */
export class LiveProtocol implements CallProtocol {
  readonly engine = 'live' as const
  private adapter = initialLiveAdapter()
  private readonly ran = new Set<string>()

  receive(text: string): { event: CallEvent; step: ProtocolStep } | null {
    const inbound = liveInboundEvent(text)
    if (!inbound) return null
    return { event: inbound.event, step: inbound.parsed ? this.read(inbound.event) : NO_STEP }
  }

  /** The page's inputs (server events come through here too, once, from the call engine). */
  observe(t: number, event: CallEvent): ProtocolStep {
    const read =
      LIVE_SERVER_TYPES.has(event.type) ||
      LIVE_CLIENT_TYPES.has(event.type) ||
      MIC_TYPES.has(event.type) ||
      PAGE_OBSERVATIONS.has(event.type)
    if (!read) return NO_STEP
    const step = translateLive(this.adapter, t, event as LiveAdapterInput)
    this.adapter = step.state
    const call = step.events
      .map((input) => input.event)
      .find((e) => e.type === 'response.function_call_arguments.done')
    if (!call || this.ran.has(call.call_id)) return NO_STEP
    this.ran.add(call.call_id)
    return {
      connected: false,
      send: [],
      runTool: { callId: call.call_id, name: call.name, arguments: call.arguments }
    }
  }

  toolAnswered(asked: ToolCallAsked, output: string): OutboundEvent[] {
    return [
      {
        type: 'session.commentary.append',
        delegation_id: asked.callId,
        content: commentaryOf(output)
      }
    ]
  }

  /** Kept through compaction; the model acts on it in its own time (Live has no response.create). */
  instruct(text: string): OutboundEvent[] {
    return [{ type: 'session.instructions.append', delegation_id: null, content: text }]
  }

  /** GPT-Live has no client event that cuts the model's speech. */
  stopAgent(): null {
    return null
  }

  hangup(): OutboundEvent[] {
    return [{ type: 'session.close' }]
  }

  private read(event: CallEvent): ProtocolStep {
    return event.type === 'session.started' ? { ...NO_STEP, connected: true } : NO_STEP
  }
}
