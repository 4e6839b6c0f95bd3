import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../support/tempDir'
import { openConsole, STARTED_AT } from '../recording/support'
import { overAgentCall } from './scriptedCalls'

/** The rules' alerts announced to the windows, by rule. */
const raisedRules = (emitted: unknown[]): string[] =>
  (emitted as [string, { rule: string }][])
    .filter(([name]) => name === 'alerts.raised')
    .map(([, alert]) => alert.rule)

// A gateway instance taking over another's call goes on from its recorded inputs
// (LiveCallPipeline.resume): counts run across the gap, and what was raised is not raised again.
describe('escalation rules on a call taken over mid-call', () => {
  const tmp = useTempDir()

  it('counts the interruptions recorded before the takeover, and raises nothing twice', async () => {
    const { services, call, emitted } = await openConsole(tmp.path())
    try {
      const begun = (await call('recording.begin', {
        provider: 'custom',
        model: 'gpt-realtime',
        startedAt: STARTED_AT
      })) as { ok: true; data: { sessionId: string } }
      const { sessionId } = begun.data
      const inputs = overAgentCall([
        { text: 'No, that is not what I asked.' },
        { text: 'Stop, listen to me.' },
        { text: 'You are not listening at all.' }
      ])
      // The third interruption starts at the second's barge-in plus the gap.
      const third = inputs.findLastIndex(
        (i) => i.event.type === 'input_audio_buffer.speech_started'
      )
      const before = inputs.slice(0, third)
      const after = inputs.slice(third)

      // Recorded by the first holder, then taken over: the third interruption completes the count.
      services.liveCalls.resume(sessionId, before)
      await services.liveCalls.ingest(sessionId, after)
      expect(raisedRules(emitted).filter((r) => r === 'interruptions_total')).toHaveLength(1)

      // Taken over once more after the alert: replaying the record raises nothing again.
      emitted.length = 0
      services.liveCalls.end(sessionId)
      services.liveCalls.resume(sessionId, inputs)
      await services.liveCalls.ingest(sessionId, [
        { t: inputs.at(-1)!.t + 250, event: { type: 'clock.tick' } }
      ])
      expect(raisedRules(emitted)).toEqual([])

      // Without the recorded inputs, the third interruption alone would not have counted.
      emitted.length = 0
      services.liveCalls.end(sessionId)
      await services.liveCalls.ingest(sessionId, after)
      expect(raisedRules(emitted).filter((r) => r === 'interruptions_total')).toEqual([])
    } finally {
      services.close()
    }
  })
})
