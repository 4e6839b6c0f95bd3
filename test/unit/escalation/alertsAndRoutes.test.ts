import { describe, expect, it } from 'vitest'
import type { FileDialogs } from '../../../src/main/dialogs/FileDialogs'
import { AlertStore } from '../../../src/main/escalation/AlertStore'
import { createDispatch, type Sender } from '../../../src/main/ipc/dispatch'
import { consoleUser } from '../../../src/main/ipc/handlers/escalationHandlers'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { createServices } from '../../../src/main/services'
import { alertsOfCall } from '../../../src/shared/escalation/escalationEngine'
import { DEFAULT_ESCALATION_THRESHOLDS as DEFAULTS } from '../../../src/shared/escalation/thresholds'
import { defaultSettings } from '../../../src/shared/settings/settingsSchema'
import { RESOURCES_DIR, useTempDir } from '../../support/tempDir'
import { bargeIn, said } from './scriptedCalls'

const APP_URL = 'app://console/index.html'
const app: Sender = { windowId: 3, url: APP_URL, isTopFrame: true }

async function open(dir: string): Promise<{
  dispatch: ReturnType<typeof createDispatch>
  alerts: AlertStore
  close: () => void
}> {
  let clock = Date.UTC(2026, 10, 25, 9)
  const services = await createServices({
    dataDir: dir,
    resourcesDir: RESOURCES_DIR,
    version: '0.0.0-test',
    runtime: 'harness',
    // No dialog is opened here: every one answers "cancelled", whatever dialogs exist.
    dialogs: new Proxy({}, { get: () => async () => null }) as FileDialogs,
    emit: () => {},
    now: () => (clock += 1000)
  })
  const dispatch = createDispatch(services.handlers, isTrustedSender(createAppUrlCheck()), () => {})
  return {
    dispatch,
    alerts: new AlertStore(services.store.database, () => clock),
    close: services.close
  }
}

describe('escalation routes through the chokepoint', () => {
  const tmp = useTempDir()

  it('backtests the pilot with the default thresholds from Settings', async () => {
    const { dispatch, close } = await open(tmp.path())
    expect(defaultSettings().escalation).toEqual(DEFAULTS)
    const result = await dispatch(app, 'escalation.backtest', {
      thresholds: defaultSettings().escalation
    })
    expect(result).toMatchObject({ ok: true, data: { combined: { precision: 1, recall: 0.75 } } })
    close()
  })

  it.each([
    ['no thresholds', {}],
    [
      'a zero threshold',
      { thresholds: { ...DEFAULTS, interruptions: { ...DEFAULTS.interruptions, total: 0 } } }
    ],
    [
      'a fractional count',
      { thresholds: { ...DEFAULTS, interruptions: { ...DEFAULTS.interruptions, total: 2.5 } } }
    ],
    ['an unknown key', { thresholds: DEFAULTS, sql: 'DROP TABLE sessions' }],
    [
      'more negatives than utterances read',
      { thresholds: { ...DEFAULTS, sentiment: { ...DEFAULTS.sentiment, minNegative: 9 } } }
    ],
    [
      'a filter with too many ids',
      {
        thresholds: DEFAULTS,
        filter: { sessionIds: Array.from({ length: 1001 }, (_, i) => `S${i}`) }
      }
    ]
  ])('refuses %s', async (_name, payload) => {
    const { dispatch, close } = await open(tmp.path())
    const result = await dispatch(app, 'escalation.backtest', payload)
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input')
    close()
  })

  it("gets and saves a desk's thresholds in its settings; refuses invalid ones", async () => {
    const { dispatch, close } = await open(tmp.path())
    expect(await dispatch(app, 'escalation.rules.get', {})).toEqual({
      ok: true,
      data: {
        thresholds: DEFAULTS,
        mode: 'desk',
        source: 'desk',
        updatedBy: null,
        updatedAt: null,
        problem: null
      }
    })
    const stricter = { ...DEFAULTS, tools: { ...DEFAULTS.tools, failures: 3 } }
    const saved = await dispatch(app, 'escalation.rules.save', { thresholds: stricter })
    expect(saved).toMatchObject({ ok: true, data: { thresholds: stricter, source: 'desk' } })
    const settings = await dispatch(app, 'settings.get', {})
    expect(settings.ok && settings.data).toMatchObject({ settings: { escalation: stricter } })
    const zero = { ...DEFAULTS, tools: { ...DEFAULTS.tools, failures: 0 } }
    const refused = await dispatch(app, 'escalation.rules.save', { thresholds: zero })
    expect(refused.ok ? 'ok' : refused.error.code).toBe('invalid_input')
    close()
  })

  it('lists alerts and stores who acted and when; refuses bad actions', async () => {
    const { dispatch, alerts, close } = await open(tmp.path())
    expect(await dispatch(app, 'alerts.list', {})).toEqual({ ok: true, data: [] })
    const [human, burst] = [
      alertsOfCall([said('Get me a human')], DEFAULTS)[0]!,
      alertsOfCall([bargeIn(1000), bargeIn(5000)], DEFAULTS)[0]!
    ]
    const humanId = await alerts.record('S03', human)
    const burstId = await alerts.record('S09', burst)
    const listed = await dispatch(app, 'alerts.list', { status: 'open' })
    expect(listed.ok && listed.data).toMatchObject([
      { alertId: burstId, rule: 'interruptions_burst', sessionId: 'S09' },
      { alertId: humanId, rule: 'human_request', severity: 'critical', reason: human.reason }
    ])

    expect((await dispatch(app, 'alerts.act', { alertId: humanId, action: 'dismiss' })).ok).toBe(
      false
    )
    expect((await dispatch(app, 'alerts.act', { alertId: humanId, action: 'delete' })).ok).toBe(
      false
    )
    const dismissed = await dispatch(app, 'alerts.act', {
      alertId: humanId,
      action: 'dismiss',
      reason: 'caller joking'
    })
    expect(dismissed).toMatchObject({
      ok: true,
      data: { status: 'dismissed', actionNote: 'caller joking', actionBy: consoleUser() }
    })
    expect(dismissed.ok && typeof (dismissed.data as { actionAt: string }).actionAt).toBe('string')
    const again = await dispatch(app, 'alerts.act', { alertId: humanId, action: 'escalate' })
    expect(again.ok ? 'ok' : again.error.message).toBe(`Alert ${humanId} is already dismissed`)

    const escalated = await dispatch(app, 'alerts.act', {
      alertId: burstId,
      action: 'escalate',
      note: 'handing over'
    })
    expect(escalated).toMatchObject({ ok: true, data: { status: 'escalated' } })
    // The handoff note of a pilot row (no recorded events): its alert, and the supervisor's words.
    const handoff = escalated.ok ? (escalated.data as { actionNote: string }).actionNote : ''
    expect(handoff).toContain('Handoff — call S09')
    expect(handoff).toContain(`Interruptions in a short time: ${burst.reason}`)
    expect(handoff).toContain("Supervisor's note: handing over")
    const s09 = await dispatch(app, 'sessions.list', {
      filter: { sessionIds: ['S09'] },
      sort: { column: 'session_id', direction: 'asc' },
      offset: 0,
      limit: 5
    })
    expect(s09.ok && s09.data).toMatchObject({
      total: 1,
      rows: [{ session_id: 'S09', escalated: true }]
    })
    expect(await dispatch(app, 'alerts.list', { status: 'open' })).toEqual({ ok: true, data: [] })
    close()
  })

  it('filters sessions by an id list; an empty list selects none', async () => {
    const { dispatch, close } = await open(tmp.path())
    const list = (sessionIds: string[]) =>
      dispatch(app, 'sessions.list', {
        filter: { sessionIds },
        sort: { column: 'session_id', direction: 'asc' },
        offset: 0,
        limit: 50
      })
    const three = await list(['S14', 'S03', 'S09', 'NOPE'])
    expect(
      three.ok && (three.data as { rows: { session_id: string }[] }).rows.map((r) => r.session_id)
    ).toEqual(['S03', 'S09', 'S14'])
    expect(await list([])).toMatchObject({ ok: true, data: { total: 0 } })
    const report = await dispatch(app, 'analytics.labReport', {
      filter: { sessionIds: ['S03', 'S06'] },
      maxListed: 5
    })
    expect(report.ok && (report.data as { total_sessions: number }).total_sessions).toBe(2)
    close()
  })
})
