import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SessionImporter } from '../sessions/SessionImporter'
import type { SessionStore } from '../sessions/SessionStore'
import { openReportDb } from '../../../test/unit/reports/reportFixtures'
import { PILOT_CSV, useTempDir } from '../../../test/support/tempDir'
import { ReportQueries } from './ReportQueries'

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

  it('follows a write on its own connection', async () => {
    const { reports, db, prepare } = await open()
    const before = await reports.summary({ sentiment: ['negative'] })
    db.prepare(`UPDATE sessions SET sentiment = 'negative' WHERE session_id = 'S01'`).run()
    const after = await reports.summary({ sentiment: ['negative'] })
    expect(after.kpis.sessions).toBe(before.kpis.sessions + 1)
    expect((await reports.alerts({ sentiment: ['negative'] })).sessions).toBe(after.kpis.sessions)
    expect(columnReads(prepare)).toBe(2)
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
