import { describe, expect, it } from 'vitest'
import type { FileDialogs } from '../../../src/main/dialogs/FileDialogs'
import { AlertStore } from '../../../src/main/escalation/AlertStore'
import { createDispatch, type Sender } from '../../../src/main/ipc/dispatch'
import { consoleUser } from '../../../src/main/ipc/handlers/escalationHandlers'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { createServices } from '../../../src/main/services'
import type { AlertActionRecord, StoredAlert } from '../../../src/shared/escalation/alertRecords'
import { tallyDismissals } from '../../../src/shared/escalation/dismissalTally'
import { alertsOfCall } from '../../../src/shared/escalation/escalationEngine'
import { DEFAULT_ESCALATION_THRESHOLDS as DEFAULTS } from '../../../src/shared/escalation/thresholds'
import { RESOURCES_DIR, useTempDir } from '../../support/tempDir'
import { deskDatabaseOf } from '../../support/testServices'
import { overAgentCall, said } from './scriptedCalls'

const APP_URL = 'app://console/index.html'
const app: Sender = { windowId: 3, url: APP_URL, isTopFrame: true }

async function open(dir: string) {
  const raised: StoredAlert[] = []
  const services = await createServices({
    dataDir: dir,
    resourcesDir: RESOURCES_DIR,
    version: '0.0.0-test',
    runtime: 'harness',
    dialogs: new Proxy({}, { get: () => async () => null }) as FileDialogs,
    emit: (name: string, payload: unknown) => {
      if (name === 'alerts.raised') raised.push(payload as StoredAlert)
    },
    now: () => Date.UTC(2026, 10, 25, 9)
  })
  const dispatch = createDispatch(services.handlers, isTrustedSender(createAppUrlCheck()), () => {})
  const call = async <T>(route: string, input: unknown): Promise<T> => {
    const result = await dispatch(app, route as never, input)
    if (!result.ok) throw new Error(`${route}: ${result.error.code} ${result.error.message}`)
    return result.data as T
  }
  return {
    dispatch,
    call,
    raised,
    db: deskDatabaseOf(services).connection,
    database: deskDatabaseOf(services),
    close: services.close
  }
}

const session = (db: { prepare(sql: string): { get(...a: unknown[]): unknown } }, id: string) =>
  db.prepare('SELECT escalated FROM sessions WHERE session_id = ?').get(id) as
    { escalated: number | null } | undefined

describe('alert actions: every action logged with who and when', () => {
  const tmp = useTempDir()

  it.each([
    ['an instruction with no text', { alertId: 1, action: 'instruct' }],
    ['a blank instruction', { alertId: 1, action: 'instruct', instruction: '   ' }],
    ['an instruction too long', { alertId: 1, action: 'instruct', instruction: 'x'.repeat(1001) }],
    ['stop_agent with a note', { alertId: 1, action: 'stop_agent', note: 'x' }],
    ['end_call without an alert', { action: 'end_call' }],
    ['a reason on two lines', { alertId: 1, action: 'dismiss', reason: 'echo\nagain' }],
    ['an unknown action', { alertId: 1, action: 'transfer' }]
  ])('alerts.act refuses %s', async (_name, payload) => {
    const { dispatch, close } = await open(tmp.path())
    const result = await dispatch(app, 'alerts.act', payload)
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input')
    close()
  })

  it.each([
    ['an unknown key', { sql: '1' }],
    ['an unknown action', { action: 'delete' }],
    ['a zero limit', { limit: 0 }],
    ['an alert id of 0', { alertId: 0 }]
  ])('alerts.actions refuses %s', async (_name, payload) => {
    const { dispatch, close } = await open(tmp.path())
    const result = await dispatch(app, 'alerts.actions', payload)
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input')
    close()
  })

  it('refuses a status list that is empty or holds an unknown status', async () => {
    const { dispatch, close } = await open(tmp.path())
    for (const status of [[], ['open', 'closed']]) {
      const result = await dispatch(app, 'alerts.list', { status })
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input')
    }
    close()
  })

  it('logs a live call’s actions; escalation writes the handoff note and marks the session', async () => {
    const { call, raised, db, close } = await open(tmp.path())
    const { sessionId } = await call<{ sessionId: string }>('recording.begin', {
      provider: 'simulator',
      model: 'gpt-realtime',
      startedAt: Date.UTC(2026, 10, 25, 9)
    })
    const inputs = overAgentCall([{ text: 'No, listen' }, { text: 'I want to speak to a human' }])
    // Everything but the hang-up: the call is still running when the supervisor acts.
    await call('recording.append', { sessionId, events: inputs.slice(0, -1) })
    const alert = raised.find((a) => a.rule === 'human_request')!
    expect(alert).toBeDefined()

    const instructed = await call<StoredAlert>('alerts.act', {
      alertId: alert.alertId,
      action: 'instruct',
      instruction: 'Hand the caller over to a human now.'
    })
    // Instructing counts as seeing the alert; it does not settle it.
    expect(instructed).toMatchObject({ status: 'acknowledged', actionBy: consoleUser() })
    await call('alerts.act', { alertId: alert.alertId, action: 'stop_agent' })
    const escalated = await call<StoredAlert>('alerts.act', {
      alertId: alert.alertId,
      action: 'escalate'
    })
    expect(escalated.status).toBe('escalated')
    expect(escalated.actionNote).toContain(`Handoff — call ${sessionId}`)
    expect(escalated.actionNote).toContain('  “I want to speak to a human”')
    expect(escalated.actionNote).toContain('Interruptions: 2')
    // Settled: no second escalation, but the call can still be ended and logged.
    await expect(
      call('alerts.act', { alertId: alert.alertId, action: 'acknowledge' })
    ).rejects.toThrow(`Alert ${alert.alertId} is already escalated`)

    await call('recording.append', { sessionId, events: inputs.slice(-1) })
    await call('recording.finish', { sessionId, endedAt: Date.UTC(2026, 10, 25, 9, 1) })
    await call('alerts.act', { alertId: alert.alertId, action: 'end_call' })
    // Logged after the row exists, end_call brings the session's flag in line with its alerts.
    expect(session(db, sessionId)?.escalated).toBe(1)

    const log = await call<AlertActionRecord[]>('alerts.actions', { sessionId })
    expect(log.map((a) => a.action)).toEqual(['instruct', 'stop_agent', 'escalate', 'end_call'])
    expect(log[0]).toMatchObject({
      alertId: alert.alertId,
      rule: 'human_request',
      actionBy: consoleUser(),
      note: 'Hand the caller over to a human now.'
    })
    expect(log.every((a) => !Number.isNaN(Date.parse(a.actionAt)))).toBe(true)
    expect(log[2]!.note).toBe(escalated.actionNote)
    expect(await call('alerts.actions', { alertId: alert.alertId, action: 'escalate' })).toEqual([
      log[2]
    ])
    close()
  })

  it('escalating an already recorded session from the Monitor updates its row', async () => {
    const { call, db, database, close } = await open(tmp.path())
    // S14 is a pilot row (imported at start-up): recorded, not escalated.
    expect(session(db, 'S14')?.escalated).not.toBe(1)
    const alertId = await new AlertStore(database).record(
      'S14',
      alertsOfCall([said('get me a real person')], DEFAULTS)[0]!
    )
    await call('alerts.act', { alertId, action: 'escalate' })
    expect(session(db, 'S14')?.escalated).toBe(1)
    close()
  })

  it('tallies dismissals per rule, reasons most frequent first', async () => {
    const { call, close, database } = await open(tmp.path())
    const store = new AlertStore(database)
    const human = alertsOfCall([said('get me a human')], DEFAULTS)[0]!
    const ids: number[] = []
    for (let i = 0; i < 4; i++) ids.push(await store.record('S03', human))
    const reasons = ['Caller joking', 'agent echo', 'caller  joking', 'Caller joking']
    for (const [i, reason] of reasons.entries())
      await call('alerts.act', { alertId: ids[i], action: 'dismiss', reason, note: 'more' })
    const dismissed = await call<AlertActionRecord[]>('alerts.actions', { action: 'dismiss' })
    expect(dismissed[0]!.note).toBe('Caller joking\nmore')
    expect(tallyDismissals(dismissed)).toEqual({
      human_request: {
        dismissed: 4,
        reasons: [
          { reason: 'Caller joking', count: 3 },
          { reason: 'agent echo', count: 1 }
        ]
      }
    })
    close()
  })
})
