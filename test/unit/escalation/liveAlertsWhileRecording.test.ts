import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../support/tempDir'
import { batches, openConsole, STARTED_AT } from '../recording/support'
import { overAgentCall } from './scriptedCalls'

describe('escalation rules on a call being recorded', () => {
  const tmp = useTempDir()

  it('raises and stores the alert as the inputs arrive, and announces it once', async () => {
    const { services, call, emitted } = await openConsole(tmp.path())
    try {
      const begun = (await call('recording.begin', {
        provider: 'custom',
        model: 'gpt-realtime',
        startedAt: STARTED_AT
      })) as { ok: true; data: { sessionId: string } }
      const { sessionId } = begun.data
      // Three real interruptions (the server cut the agent each time), then the caller goes on.
      const inputs = overAgentCall([
        { text: 'No, that is not what I asked.' },
        { text: 'Stop, listen to me.' },
        { text: 'You are not listening at all.' }
      ])
      for (const batch of batches(inputs, 7))
        expect(await call('recording.append', { sessionId, events: batch })).toMatchObject({
          ok: true
        })
      const rules = (emitted as [string, { rule: string }][])
        .filter(([name]) => name === 'alerts.raised')
        .map(([, alert]) => alert.rule)
      expect(rules).toContain('interruptions_total')
      expect(rules.filter((rule) => rule === 'interruptions_total')).toHaveLength(1)
      const open = (await call('alerts.list', { status: 'open' })) as {
        ok: true
        data: { sessionId: string; rule: string; callEnded: boolean }[]
      }
      // While the call runs, its alerts say so; once it is hung up, they say it ended.
      expect(open.data.every((a) => !a.callEnded)).toBe(true)
      expect(open.data.filter((a) => a.sessionId === sessionId).map((a) => a.rule)).toEqual(
        expect.arrayContaining(['interruptions_total'])
      )
      expect(
        await call('recording.finish', { sessionId, endedAt: STARTED_AT + 60_000 })
      ).toMatchObject({
        ok: true,
        data: { interruptions: 3 }
      })
      const after = (await call('alerts.list', { status: 'open' })) as typeof open
      const ours = after.data.filter((a) => a.sessionId === sessionId)
      expect(ours.length).toBeGreaterThan(0)
      expect(ours.every((a) => a.callEnded)).toBe(true)
    } finally {
      services.close()
    }
  })
})
