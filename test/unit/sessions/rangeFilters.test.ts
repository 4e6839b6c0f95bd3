import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch, type AppHandlers, type Sender } from '../../../src/main/ipc/dispatch'
import { sessionHandlers } from '../../../src/main/ipc/handlers/sessionHandlers'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { ReportQueries } from '../../../src/main/reports/ReportQueries'
import type { SessionStore } from '../../../src/main/sessions/SessionStore'
import type { LabSession } from '../../../src/shared/sessions/labSchema'
import { useTempDir } from '../../support/tempDir'
import { cancelledDialogs } from '../../support/testServices'
import { openReportDb } from '../reports/reportFixtures'
import type { SqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'

const APP_URL = 'app://console/index.html'
const app: Sender = { windowId: 1, url: APP_URL, isTopFrame: true }
const trusted = isTrustedSender(createAppUrlCheck())

describe('Sessions filter: latency, interruption and date ranges (the charts’ click-through)', () => {
  const tmp = useTempDir()
  let store: SessionStore<SqliteSessionDatabase> | undefined
  let pilot: LabSession[] = []
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  const open = async () => {
    const db = await openReportDb(tmp.path())
    store = db.store
    pilot = db.sessions
    const dispatch = createDispatch(
      sessionHandlers({
        store: db.store,
        facets: () => new ReportQueries(db.store.database).facets(),
        importer: null as never,
        dialogs: cancelledDialogs(),
        emit: () => {}
      }) as unknown as AppHandlers,
      trusted,
      () => {}
    )
    return async (filter: unknown) => {
      const result = await dispatch(app, 'sessions.list', {
        filter,
        sort: { column: 'session_id', direction: 'asc' },
        offset: 0,
        limit: 100
      })
      return result.ok
        ? (result.data as { rows: { session_id: string }[] }).rows.map((r) => r.session_id)
        : result.error.code
    }
  }
  const ids = (keep: (s: LabSession) => boolean) =>
    pilot
      .filter(keep)
      .map((s) => s.session_id)
      .sort()

  it('selects P50 and P95 ranges half-open, as the histogram bins count', async () => {
    const list = await open()
    expect(await list({ latencyP50Ms: { min: 85, max: 90 } })).toEqual(
      ids((s) => s.latency_p50_ms >= 85 && s.latency_p50_ms < 90)
    )
    const slow = await list({ latencyP95Ms: { min: 200 } })
    expect(slow).toEqual(ids((s) => s.latency_p95_ms >= 200))
    expect(slow.length).toBeGreaterThan(0)
    expect(await list({ latencyP95Ms: { max: 170 } })).toEqual(ids((s) => s.latency_p95_ms < 170))
  })

  it('selects interruption counts with both ends included, with the other filters', async () => {
    const list = await open()
    const three = await list({ interruptions: { min: 3, max: 3 } })
    expect(three).toEqual(ids((s) => s.interruptions === 3))
    expect(three.length).toBeGreaterThan(0)
    expect(await list({ interruptions: { min: 1 }, sentiment: ['negative'] })).toEqual(
      ids((s) => s.interruptions >= 1 && s.sentiment === 'negative')
    )
  })

  it('selects UTC days of started_at; undated sessions never match a date range', async () => {
    const list = await open()
    const date = store!.database.connection.prepare(
      'UPDATE sessions SET started_at = ? WHERE session_id = ?'
    )
    date.run('2026-11-24T23:59:59.999Z', 'S01')
    date.run('2026-11-25T00:00:00.000Z', 'S02')
    date.run('2026-11-25T23:59:59.999Z', 'S03')
    date.run('2026-11-26T00:00:00.000Z', 'S04')
    expect(await list({ startedFrom: '2026-11-25', startedTo: '2026-11-25' })).toEqual([
      'S02',
      'S03'
    ])
    expect(await list({ startedFrom: '2026-11-25' })).toEqual(['S02', 'S03', 'S04'])
    expect(await list({ startedTo: '2026-11-24' })).toEqual(['S01'])
  })

  it.each([
    ['a reversed latency range', { latencyP50Ms: { min: 90, max: 80 } }],
    ['a negative latency', { latencyP95Ms: { min: -1 } }],
    ['a huge latency', { latencyP95Ms: { max: 1e12 } }],
    ['a latency as text', { latencyP50Ms: { min: '80' } }],
    ['an extra key in a range', { latencyP50Ms: { min: 1, step: 2 } }],
    ['a fractional interruption count', { interruptions: { min: 1.5 } }],
    ['a reversed interruption range', { interruptions: { min: 4, max: 3 } }],
    ['a timestamp for a day', { startedFrom: '2026-11-25T00:00:00Z' }],
    ['an impossible day', { startedTo: '2026-02-30' }],
    ['a reversed date range', { startedFrom: '2026-11-26', startedTo: '2026-11-25' }]
  ])('refuses %s at the chokepoint', async (_name, filter) => {
    const list = await open()
    expect(await list(filter)).toBe('invalid_input')
  })
})
