import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../support/tempDir'
import { overAgentCall } from '../escalation/scriptedCalls'
import { batches, openConsole, STARTED_AT } from './support'
import { deskDatabaseOf } from '../../support/testServices'

interface Got {
  ok: true
  data: {
    alerts: {
      alertId: number
      rule: string
      severity: string
      t: number | null
      reason: string
      quote: string | null
      status: string
      actions: { action: string; by: string; at: string; note: string | null }[]
    }[]
  }
}

describe('recording.get: the alerts of a recorded call, on its timeline', () => {
  const tmp = useTempDir()

  it('returns each alert at its call time with reason, quote and every supervisor action', async () => {
    const { services, call } = await openConsole(tmp.path())
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
      for (const batch of batches(inputs, 7))
        await call('recording.append', { sessionId, events: batch })
      await call('recording.finish', { sessionId, endedAt: STARTED_AT + 60_000 })

      const before = (await call('recording.get', { sessionId })) as Got
      const alert = before.data.alerts.find((a) => a.rule === 'interruptions_total')
      expect(alert).toMatchObject({ severity: 'warning', status: 'open', actions: [] })
      // The third interruption raised it: its time lies inside the call, after the first two.
      const lastInput = inputs[inputs.length - 1]!.t
      expect(alert!.t).toBeGreaterThan(10_000)
      expect(alert!.t).toBeLessThan(lastInput)
      expect(alert!.reason).not.toBe('')

      await call('alerts.act', { alertId: alert!.alertId, action: 'escalate', note: 'take it' })
      const after = (await call('recording.get', { sessionId })) as Got
      const acted = after.data.alerts.find((a) => a.alertId === alert!.alertId)!
      expect(acted.status).toBe('escalated')
      expect(acted.actions).toHaveLength(1)
      // The note is the supervisor's, possibly inside a handoff written around it.
      expect(acted.actions[0]).toMatchObject({ action: 'escalate' })
      expect(acted.actions[0]!.note).toContain('take it')
      expect(acted.actions[0]!.by).not.toBe('')
      expect(Date.parse(acted.actions[0]!.at)).not.toBeNaN()
    } finally {
      services.close()
    }
  })

  it('lists every logged action in order and survives evidence it cannot read', async () => {
    const { services, call } = await openConsole(tmp.path())
    try {
      const begun = (await call('recording.begin', {
        provider: 'custom',
        model: 'gpt-realtime',
        startedAt: STARTED_AT
      })) as { ok: true; data: { sessionId: string } }
      const { sessionId } = begun.data
      const db = deskDatabaseOf(services).connection
      const insert = db.prepare(
        'INSERT INTO alerts (session_id, rule, severity, raised_at, evidence, status) VALUES (?, ?, ?, ?, ?, ?)'
      )
      const evidence = JSON.stringify({
        reason: 'The caller asked for a person',
        t: 4200,
        items: [{ itemId: 'i1', turnIndex: 1, t: 4100, quote: 'let me talk to a human' }],
        figures: {}
      })
      const first = Number(
        insert.run(
          sessionId,
          'human_request',
          'critical',
          '2026-11-25T14:30:16Z',
          evidence,
          'escalated'
        ).lastInsertRowid
      )
      insert.run(sessionId, 'latency', 'info', '2026-11-25T14:30:20Z', 'not json', 'open')
      const log = db.prepare(
        'INSERT INTO alert_actions (alert_id, session_id, action, action_by, action_at, note) VALUES (?, ?, ?, ?, ?, ?)'
      )
      log.run(first, sessionId, 'escalate', 'ana', '2026-11-25T14:30:40Z', 'handoff')
      log.run(first, sessionId, 'acknowledge', 'bo', '2026-11-25T14:30:30Z', null)

      const got = (await call('recording.get', { sessionId })) as Got
      expect(got.data.alerts).toEqual([
        {
          alertId: first,
          rule: 'human_request',
          severity: 'critical',
          raisedAt: '2026-11-25T14:30:16Z',
          t: 4200,
          reason: 'The caller asked for a person',
          quote: 'let me talk to a human',
          status: 'escalated',
          actions: [
            { action: 'acknowledge', by: 'bo', at: '2026-11-25T14:30:30Z', note: null },
            { action: 'escalate', by: 'ana', at: '2026-11-25T14:30:40Z', note: 'handoff' }
          ]
        },
        expect.objectContaining({ rule: 'latency', t: null, reason: 'latency', quote: null })
      ])
    } finally {
      services.close()
    }
  })
})

describe('recording.events: the inputs of a recorded call, for its replay', () => {
  const tmp = useTempDir()

  it('returns the inputs as appended, in order, and refuses bad payloads', async () => {
    const { services, call } = await openConsole(tmp.path())
    try {
      const begun = (await call('recording.begin', {
        provider: 'custom',
        model: 'gpt-realtime',
        startedAt: STARTED_AT
      })) as { ok: true; data: { sessionId: string } }
      const { sessionId } = begun.data
      const inputs = overAgentCall([{ text: 'No, listen.' }])
      for (const batch of batches(inputs, 5))
        await call('recording.append', { sessionId, events: batch })
      expect(await call('recording.events', { sessionId })).toEqual({
        ok: true,
        data: { inputs: JSON.parse(JSON.stringify(inputs)) }
      })
      for (const bad of [
        undefined,
        {},
        { sessionId: 'S01' },
        { sessionId, limit: 10 },
        { sessionId: "LIVE-1' OR 1=1" }
      ])
        expect(await call('recording.events', bad)).toMatchObject({
          ok: false,
          error: { code: 'invalid_input' }
        })
      expect(
        await call('recording.events', { sessionId: 'LIVE-20000101-000000-0000' })
      ).toMatchObject({ ok: false })
    } finally {
      services.close()
    }
  })
})
