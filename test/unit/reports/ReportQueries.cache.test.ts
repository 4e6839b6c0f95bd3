import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import type { SessionStore } from '../../../src/main/sessions/SessionStore'
import { openReportDb } from './reportFixtures'
import { PILOT_CSV, useTempDir } from '../../support/tempDir'
import { alertsOfCall } from '../../../src/shared/escalation/escalationEngine'
import { DEFAULT_ESCALATION_THRESHOLDS as DEFAULTS } from '../../../src/shared/escalation/thresholds'
import { said } from '../escalation/scriptedCalls'
import { AlertStore } from '../../../src/main/escalation/AlertStore'
import { sessionsVersion } from '../../../src/main/database/sqlite/sessionsVersion'
import { ReportQueries } from '../../../src/main/reports/ReportQueries'
import type { SqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'

/** How many times the sessions' columns were read (their chunked SELECT was prepared). */
const columnReads = (prepare: { mock: { calls: unknown[][] } }): number =>
  prepare.mock.calls.filter(([sql]) => String(sql).includes('substr(started_at, 1, 10)')).length

describe('ReportQueries keeps the sessions in memory until the database changes', () => {
  const tmp = useTempDir()
  let store: SessionStore<SqliteSessionDatabase> | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  const open = async () => {
    const db = await openReportDb(tmp.path(), 200)
    store = db.store
    const prepare = vi.spyOn(db.store.database.connection, 'prepare')
    const database = db.store.database
    return { reports: new ReportQueries(database), database, db: database.connection, prepare }
  }

  it('reads the columns once for any number of filters, and once for concurrent requests', async () => {
    const { reports, prepare } = await open()
    const [all, negative] = await Promise.all([
      reports.summary({}),
      reports.summary({ sentiment: ['negative'] })
    ])
    expect(columnReads(prepare)).toBe(1)
    expect(all.kpis.sessions).toBe(215)
    await reports.summary({ language: ['es'] })
    expect((await reports.summary({ sentiment: ['negative'] })).kpis).toEqual(negative.kpis)
    expect((await reports.alerts({ sentiment: ['negative'] })).sessions).toBe(
      negative.kpis.sessions
    )
    expect(columnReads(prepare)).toBe(1)
  })

  it("follows a finished call's session row on its own connection", async () => {
    const { reports, database, prepare } = await open()
    const before = await reports.summary({})
    const pilotRow = (await database.sessions.get('S01'))!
    const call = { ...pilotRow, session_id: 'LIVE-1', source: 'live' as const }
    await database.transaction((tx) => tx.sessions.insertRecorded(call, new Date().toISOString()))
    expect((await reports.summary({})).kpis.sessions).toBe(before.kpis.sessions + 1)
    expect(columnReads(prepare)).toBe(2)
  })

  it('moves the version when an escalation marks a session, not when it was already marked', async () => {
    const { db, database } = await open()
    const alerts = new AlertStore(database)
    const human = alertsOfCall([said('get me a real person')], DEFAULTS)[0]!
    const start = sessionsVersion(db)
    await alerts.act(
      { alertId: await alerts.record('S01', human), action: 'escalate' },
      'supervisor'
    )
    const marked = sessionsVersion(db)
    expect(marked).not.toBe(start)
    await alerts.act(
      { alertId: await alerts.record('S01', human), action: 'escalate' },
      'supervisor'
    )
    expect(sessionsVersion(db)).toBe(marked)
  })

  it("keeps the columns while a live call's events and alerts are written", async () => {
    const { reports, db, database, prepare } = await open()
    await reports.summary({})
    const append = db.prepare(
      `INSERT INTO events (session_id, seq, at_ms, direction, type, payload) VALUES (?, ?, ?, ?, ?, ?)`
    )
    for (let seq = 0; seq < 50; seq++) {
      append.run('LIVE-1', seq, seq * 20, 'server', 'response.output_audio.delta', '{}')
      await reports.summary({ language: ['en'] })
    }
    await new AlertStore(database).record(
      'LIVE-1',
      alertsOfCall([said('get me a human')], DEFAULTS)[0]!
    )
    await reports.summary({})
    expect(columnReads(prepare)).toBe(1)
  })

  it("follows another connection's import", async () => {
    const { reports, prepare } = await open()
    expect((await reports.summary({})).kpis.sessions).toBe(215)
    // The pilot again under new ids (X01…), imported the way the app imports: its own connection.
    const copy = join(tmp.path(), 'copy.csv')
    writeFileSync(
      copy,
      readFileSync(PILOT_CSV, 'utf8').replace(/^S(\d\d),/gm, (_, n: string) => `X${n},`)
    )
    const outcome = await new SessionImporter(join(tmp.path(), 'sessions.sqlite')).importFile(
      copy,
      'fail'
    )
    expect(outcome.status).toBe('imported')
    expect((await reports.summary({})).kpis.sessions).toBe(230)
    expect(columnReads(prepare)).toBe(2)
  })
})
