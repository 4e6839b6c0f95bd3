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
import { insertSession } from '../../../src/main/recording/recordingRows'
import { SELECT_SESSIONS, toStoredSession } from '../../../src/main/sessions/sessionRows'
import { sessionsVersion } from '../../../src/main/sessions/sessionsVersion'
import { ReportQueries } from '../../../src/main/reports/ReportQueries'

/** How many times the sessions' columns were read (their chunked SELECT was prepared). */
const columnReads = (prepare: { mock: { calls: unknown[][] } }): number =>
  prepare.mock.calls.filter(([sql]) => String(sql).includes('substr(started_at, 1, 10)')).length

describe('ReportQueries keeps the sessions in memory until the database changes', () => {
  const tmp = useTempDir()
  let store: SessionStore | undefined
  afterEach(() => {
    store?.close()
    store = undefined
  })

  const open = async () => {
    const db = await openReportDb(tmp.path(), 200)
    store = db.store
    const prepare = vi.spyOn(db.store.db, 'prepare')
    return { reports: new ReportQueries(db.store.db), db: db.store.db, prepare }
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
    const { reports, db, prepare } = await open()
    const before = await reports.summary({})
    const pilotRow = db.prepare(`${SELECT_SESSIONS} WHERE session_id = 'S01'`).get()!
    const call = { ...toStoredSession(pilotRow), session_id: 'LIVE-1', source: 'live' as const }
    db.exec('BEGIN IMMEDIATE')
    insertSession(db, call, new Date().toISOString())
    db.exec('COMMIT')
    expect((await reports.summary({})).kpis.sessions).toBe(before.kpis.sessions + 1)
    expect(columnReads(prepare)).toBe(2)
  })

  it('moves the version when an escalation marks a session, not when it was already marked', async () => {
    const { db } = await open()
    const alerts = new AlertStore(db)
    const human = alertsOfCall([said('get me a real person')], DEFAULTS)[0]!
    const start = sessionsVersion(db)
    await alerts.act({ alertId: alerts.record('S01', human), action: 'escalate' }, 'supervisor')
    const marked = sessionsVersion(db)
    expect(marked).not.toBe(start)
    await alerts.act({ alertId: alerts.record('S01', human), action: 'escalate' }, 'supervisor')
    expect(sessionsVersion(db)).toBe(marked)
  })

  it("keeps the columns while a live call's events and alerts are written", async () => {
    const { reports, db, prepare } = await open()
    await reports.summary({})
    const append = db.prepare(
      `INSERT INTO events (session_id, seq, at_ms, direction, type, payload) VALUES (?, ?, ?, ?, ?, ?)`
    )
    for (let seq = 0; seq < 50; seq++) {
      append.run('LIVE-1', seq, seq * 20, 'server', 'response.output_audio.delta', '{}')
      await reports.summary({ language: ['en'] })
    }
    new AlertStore(db).record('LIVE-1', alertsOfCall([said('get me a human')], DEFAULTS)[0]!)
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
