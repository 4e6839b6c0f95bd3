import type { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDispatch, type AppHandlers, type Sender } from '../../../src/main/ipc/dispatch'
import { reportHandlers } from '../../../src/main/ipc/handlers/reportHandlers'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { ReportQueries } from '../../../src/main/reports/ReportQueries'
import type { SessionStore } from '../../../src/main/sessions/SessionStore'
import type { ReportAlerts } from '../../../src/shared/analytics/reportSchemas'
import { percentile } from '../../../src/shared/live-call/percentile'
import { useTempDir } from '../../support/tempDir'
import { cancelledDialogs } from '../../support/testServices'
import { openReportDb } from './reportFixtures'
import type { SqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'

const APP_URL = 'app://console/index.html'
const app: Sender = { windowId: 1, url: APP_URL, isTopFrame: true }
const trusted = isTrustedSender(createAppUrlCheck())

/** Alerts on pilot sessions, with actions logged, unlogged (row only) and missing. */
function seedAlerts(db: DatabaseSync): void {
  const alert = db.prepare(
    `INSERT INTO alerts (session_id, rule, severity, raised_at, evidence, status, action_by, action_at)
     VALUES (?, ?, ?, ?, '{}', ?, ?, ?)`
  )
  const log = db.prepare(
    `INSERT INTO alert_actions (alert_id, session_id, action, action_by, action_at)
     VALUES (?, ?, ?, 'ana', ?)`
  )
  const id = (r: { lastInsertRowid: number | bigint }): number => Number(r.lastInsertRowid)
  // S02 (neutral): escalated 45 s after its first alert; a later alert with no action.
  const s02 = id(
    alert.run(
      'S02',
      'human_request',
      'critical',
      '2026-11-24T10:00:00.000Z',
      'escalated',
      null,
      null
    )
  )
  log.run(s02, 'S02', 'escalate', '2026-11-24T10:00:45.000Z')
  alert.run('S02', 'latency', 'info', '2026-11-24T10:00:10.000Z', 'open', null, null)
  // S03 (negative): acknowledged after 2 min.
  const s03 = id(
    alert.run(
      'S03',
      'interruptions_total',
      'warning',
      '2026-11-25T09:00:00.000Z',
      'open',
      null,
      null
    )
  )
  log.run(s03, 'S03', 'acknowledge', '2026-11-25T09:02:00.000Z')
  // S04 (positive): never acted on.
  alert.run('S04', 'interruptions_total', 'warning', '2026-11-25T11:00:00.000Z', 'open', null, null)
  // S05 (positive): acted on before the action log existed: only the alerts row says so.
  alert.run(
    'S05',
    'latency',
    'info',
    '2026-11-25T12:00:00.000Z',
    'acknowledged',
    'bo',
    '2026-11-25T12:00:10.000Z'
  )
}

describe('reports.alerts: the alerts section, aggregated in SQL', () => {
  const tmp = useTempDir()
  let store: SessionStore<SqliteSessionDatabase> | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  const dispatchOver = async (seed = true) => {
    store = (await openReportDb(tmp.path())).store
    if (seed) seedAlerts(store.database.connection)
    const handlers = reportHandlers({
      reports: new ReportQueries(store.database),
      dialogs: cancelledDialogs()
    }) as unknown as AppHandlers
    return createDispatch(handlers, trusted, () => {})
  }

  it('counts alerts per day by rule, the escalation rate and the time to first action', async () => {
    const dispatch = await dispatchOver()
    const result = await dispatch(app, 'reports.alerts', { filter: {} })
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const delays = [45_000, 120_000, 10_000]
    expect(result.data).toEqual({
      sessions: 15,
      alerts: 5,
      alertedSessions: 4,
      escalatedSessions: 1,
      escalationRatePct: (1 / 15) * 100,
      escalatedSessionIds: ['S02'],
      perDay: [
        { day: '2026-11-24', rule: 'human_request', alerts: 1, sessions: 1, sessionIds: ['S02'] },
        { day: '2026-11-24', rule: 'latency', alerts: 1, sessions: 1, sessionIds: ['S02'] },
        {
          day: '2026-11-25',
          rule: 'interruptions_total',
          alerts: 2,
          sessions: 2,
          sessionIds: ['S03', 'S04']
        },
        { day: '2026-11-25', rule: 'latency', alerts: 1, sessions: 1, sessionIds: ['S05'] }
      ],
      firstAction: {
        actedSessions: 3,
        unactedSessions: 1,
        medianMs: percentile(delays, 0.5),
        p90Ms: percentile(delays, 0.9),
        bins: [
          { fromMs: 0, toMs: 30_000, sessions: 1, sessionIds: ['S05'] },
          { fromMs: 30_000, toMs: 60_000, sessions: 1, sessionIds: ['S02'] },
          { fromMs: 60_000, toMs: 120_000, sessions: 0, sessionIds: [] },
          { fromMs: 120_000, toMs: 300_000, sessions: 1, sessionIds: ['S03'] },
          { fromMs: 300_000, toMs: 900_000, sessions: 0, sessionIds: [] },
          { fromMs: 900_000, toMs: null, sessions: 0, sessionIds: [] }
        ]
      }
    })
  })

  it('applies the report filters to the sessions the alerts belong to', async () => {
    const dispatch = await dispatchOver()
    const result = await dispatch(app, 'reports.alerts', { filter: { sentiment: ['positive'] } })
    expect(result).toMatchObject({
      ok: true,
      data: {
        sessions: 8,
        alerts: 2,
        alertedSessions: 2,
        escalatedSessions: 0,
        escalationRatePct: 0,
        firstAction: { actedSessions: 1, unactedSessions: 1 }
      }
    })
    const figures = (result as { data: ReportAlerts }).data
    expect(figures.firstAction.medianMs).toBe(10_000)
    expect(figures.perDay.map((d) => d.sessionIds)).toEqual([['S04'], ['S05']])
    // The pilot has no dates: a date range keeps no session, so no alert either.
    expect(
      await dispatch(app, 'reports.alerts', { filter: { startedFrom: '2026-11-01' } })
    ).toMatchObject({ ok: true, data: { sessions: 0, alerts: 0, escalationRatePct: null } })
  })

  it('reports nothing, not zeros that look measured, when no call raised an alert', async () => {
    const dispatch = await dispatchOver(false)
    expect(await dispatch(app, 'reports.alerts', { filter: {} })).toMatchObject({
      ok: true,
      data: {
        sessions: 15,
        alerts: 0,
        perDay: [],
        escalationRatePct: 0,
        firstAction: { actedSessions: 0, medianMs: null, p90Ms: null }
      }
    })
  })

  it('treats filter values as data, never as SQL', async () => {
    const dispatch = await dispatchOver()
    expect(
      await dispatch(app, 'reports.alerts', { filter: { scenario: ["faq') OR 1=1 --"] } })
    ).toMatchObject({ ok: true, data: { sessions: 0, alerts: 0 } })
  })

  it.each([
    ['no payload', undefined],
    ['no filter', {}],
    ['an extra key', { filter: {}, rule: 'latency' }],
    ['free-text search (not a report filter)', { filter: { search: 'S01' } }],
    ['a reversed date range', { filter: { startedFrom: '2025-03-02', startedTo: '2025-03-01' } }],
    ['a wrong type', { filter: { ragUsed: 1 } }]
  ])('refuses %s at the chokepoint, before any query', async (_name, payload) => {
    const alerts = vi.fn()
    const dispatch = createDispatch(
      reportHandlers({
        reports: { alerts } as unknown as ReportQueries,
        dialogs: cancelledDialogs()
      }) as unknown as AppHandlers,
      trusted,
      () => {}
    )
    const result = await dispatch(app, 'reports.alerts', payload)
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input')
    expect(alerts).not.toHaveBeenCalled()
  })
})
