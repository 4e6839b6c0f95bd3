import type { ToolCallAsked } from '../../../shared/catalog/toolRun'
import type { CallEvent, CallInput } from '../../../shared/live-call/callEvents'
import type { OutboundEvent } from '../../../shared/live-call/callProtocol'
import { RealtimeProtocol } from '../../../shared/live-call/realtimeProtocol'
import { ResponseTurns } from '../../../shared/live-call/responseTurns'
import type { ServerEvent } from '../../../shared/realtime/serverEvents'
import type { SidebandProtocol } from './sidebandProtocol'

/**
 * The Realtime GA protocol on a sideband: the desk's RealtimeProtocol (the same turn-taking,
 * tool answers, instruction and stop), greeting the caller as soon as the sideband is up (the
 * call was accepted before it attached).
 */
export class RealtimeSideband extends RealtimeProtocol implements SidebandProtocol {
  constructor(private readonly answerTurns = new ResponseTurns()) {
    super(answerTurns)
  }

  opened(): OutboundEvent[] {
    return this.answerTurns.greet() ? [{ type: 'response.create' }] : []
  }

  /** The greeting was given; each function call recorded is known, run once. */
  resume(recorded: readonly CallInput[]): ToolCallAsked[] {
    this.answerTurns.greet()
    const answered = new Set<string>()
    const asked: ToolCallAsked[] = []
    for (const { event } of recorded) {
      if (event.type === 'response.function_call_arguments.done') {
        const step = this.answerTurns.onServerEvent(event as ServerEvent)
        if (step.runTool) asked.push(step.runTool)
      }
      const item = (event as { item?: { type?: string; call_id?: string } }).item
      if (event.type === 'conversation.item.create' && item?.type === 'function_call_output')
        answered.add(item.call_id ?? '')
    }
    return asked.filter((a) => !answered.has(a.callId))
  }

  /** The server's VAD and audio-buffer events say it all. */
  notice(): CallEvent[] {
    return []
  }

  /** A Realtime sideband ends when the API closes it (the call hung up). */
  isFinal(): boolean {
    return false
  }
}
