import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { ReportQueries } from '../../../src/main/reports/ReportQueries'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import type { ReportAlerts, ReportFilter } from '../../../src/shared/analytics/reportSchemas'
import { RULE_IDS } from '../../../src/shared/escalation/rules'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { generatedCsv, PILOT_CSV } from '../../support/tempDir'
import {
  postgresBackendOn,
  sqliteBackend,
  type SessionDatabaseBackend
} from '../database/databaseBackends'

// The alerts section must be the same on both backends: SQLite applies the report's filter in
// SQL, PostgreSQL to the alerted sessions in memory (the report columns' selection).

const FILTERS: ReportFilter[] = [
  {},
  { language: ['es', 'fr'] },
  { language: ['en'] },
  { source: ['import'] },
  { scenario: ['complaint'], ragUsed: false },
  { sentiment: ['negative', 'neutral'], model: ['gpt-realtime'] },
  { startedFrom: '2025-01-01', startedTo: '2025-03-31' },
  { language: ['xx'] }
]

const at = (minute: number): string => new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString()

/** 300 generated sessions and the pilot, alerts on a third of them, acted on in several ways. */
async function filled(db: SessionDatabase, folder: string): Promise<void> {
  const file = join(folder, 'generated.csv')
  writeFileSync(file, generatedCsv(300, 'G'))
  const importer = new SessionImporter(db)
  expect(await importer.importFile(file, 'fail')).toMatchObject({ status: 'imported' })
  expect(await importer.importFile(PILOT_CSV, 'fail')).toMatchObject({ status: 'imported' })
  for (let i = 1; i <= 300; i += 3) {
    const sessionId = `G${String(i).padStart(4, '0')}`
    const day = ((i - 1) / 3) % 3
    // Over three days, one or two alerts each, a rule each in turn.
    const raisedAt = at(day * 1_440 + (i % 20))
    const alertId = await db.alerts.insert({
      sessionId,
      rule: RULE_IDS[((i - 1) / 3) % RULE_IDS.length]!,
      severity: 'warning',
      raisedAt,
      evidence: '{}'
    })
    if (i % 2 === 0)
      await db.alerts.insert({
        sessionId,
        rule: 'latency',
        severity: 'info',
        raisedAt: at(day * 1_440 + 30),
        evidence: '{}'
      })
    const actedAt = at(day * 1_440 + (i % 20) + (i % 7) * 3)
    if (i % 5 === 0)
      await db.alertActions.insert({
        alertId,
        sessionId,
        action: i % 10 === 0 ? 'escalate' : 'acknowledge',
        by: 'ana',
        at: actedAt,
        note: null
      })
    // Acted on before the action log: only the alert's row says so.
    else if (i % 5 === 1) await db.alerts.setStatus(alertId, 'escalated', 'ana', actedAt, null)
  }
  // A live call's alert: its session is not stored yet, so no filter holds it.
  await db.alerts.insert({
    sessionId: 'LIVE-1',
    rule: 'human_request',
    severity: 'critical',
    raisedAt: at(5),
    evidence: '{}'
  })
}

describe.skipIf(skipWithoutPostgres)('Reports alerts on SQLite and PostgreSQL', () => {
  const pg = usePostgres()
  const backends: SessionDatabaseBackend[] = []
  const figures = new Map<string, ReportAlerts[]>()
  let folder = ''

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'voice-console-alert-figures-'))
    for (const backend of [sqliteBackend(), postgresBackendOn(pg)]) {
      backends.push(backend)
      const db = await backend.open()
      await filled(db, folder)
      const reports = new ReportQueries(db)
      const answers: ReportAlerts[] = []
      for (const filter of FILTERS) answers.push(await reports.alerts(filter))
      figures.set(backend.name, answers)
    }
  }, 120_000)

  afterAll(async () => {
    for (const backend of backends) await backend.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('gives the same figures for every filter', () => {
    const [sqlite, postgres] = [figures.get('SQLite')!, figures.get('PostgreSQL')!]
    for (const [i, filter] of FILTERS.entries())
      expect(postgres[i], JSON.stringify(filter)).toEqual(sqlite[i])
  })

  it('has figures to compare: alerts, escalations and first actions, the live alert left out', () => {
    const [all, spanishFrench, none] = [0, 1, 7].map((i) => figures.get('PostgreSQL')![i]!)
    expect(all).toMatchObject({ alertedSessions: 100, alerts: 150 })
    expect(all!.escalatedSessions).toBeGreaterThan(20)
    expect(all!.firstAction.actedSessions).toBeGreaterThan(20)
    expect(all!.perDay.length).toBeGreaterThan(6)
    expect(spanishFrench!.alertedSessions).toBeGreaterThan(0)
    expect(spanishFrench!.alertedSessions).toBeLessThan(100)
    expect(none).toMatchObject({ sessions: 0, alerts: 0, alertedSessions: 0, escalatedSessions: 0 })
  })
})
