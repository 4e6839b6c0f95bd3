import type { ToolCallAsked } from '../../../shared/catalog/toolRun'
import type { CallEvent, CallInput } from '../../../shared/live-call/callEvents'
import type { OutboundEvent } from '../../../shared/live-call/callProtocol'
import { LiveProtocol } from '../../../shared/live-call/liveProtocol'
import { SidebandAudioActivity } from './sidebandAudioActivity'
import type { SidebandProtocol } from './sidebandProtocol'

/**
 * GPT-Live on a sideband: the desk's LiveProtocol (its adapter plans each delegation into a
 * catalog tool from the caller's words; the answer is the delegation's commentary; an
 * instruction is `session.instructions.append`; nothing stops the model mid-sentence). The
 * model speaks first, so nothing is sent on attach.
 */
export class LiveSideband extends LiveProtocol implements SidebandProtocol {
  private readonly audio = new SidebandAudioActivity()

  opened(): OutboundEvent[] {
    return []
  }

  /** The recorded inputs go through the adapter again; delegations never answered are returned. */
  resume(recorded: readonly CallInput[]): ToolCallAsked[] {
    const asked: ToolCallAsked[] = []
    const answered = new Set<string>()
    for (const { t, event } of recorded) {
      // Its observations were recorded then: read again only to know where the audio is.
      this.audio.read(t, event)
      const step = this.observe(t, event)
      if (step.runTool) asked.push(step.runTool)
      const delegationId = (event as { delegation_id?: unknown }).delegation_id
      if (event.type === 'session.commentary.append' && typeof delegationId === 'string')
        answered.add(delegationId)
    }
    return asked.filter((a) => !answered.has(a.callId))
  }

  /**
   * The caller's speech and the agent's audio from the reflected audio, where a desk's page
   * observes its microphone and its ear: the adapter's barge-in needs both.
   */
  notice(t: number, event: CallEvent): CallEvent[] {
    return this.audio.read(t, event)
  }

  /** `session.closed` is the session's last event (its final usage): the call is over. */
  isFinal(event: CallEvent): boolean {
    return event.type === 'session.closed'
  }
}
