import { afterEach, describe, expect, it } from 'vitest'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { ReportQueries } from '../../../src/main/reports/ReportQueries'
import { SessionStore } from '../../../src/main/sessions/SessionStore'
import type { StoredSession } from '../../../src/shared/sessions/labSchema'
import { session } from '../database/contractFixtures'
import {
  postgresBackendOn,
  sqliteBackend,
  type SessionDatabaseBackend
} from '../database/databaseBackends'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

// A live call hung up before any answer was timed is stored with latency 0 (the columns are
// NOT NULL) and calls.counted_turns = 0. Every latency figure must leave it out, on both
// backends alike: it adds a session, never a latency.

describe('a call with no counted turn, on SQLite', () => cases(sqliteBackend()))
describe.skipIf(skipWithoutPostgres)('a call with no counted turn, on PostgreSQL', () => {
  const pg = usePostgres()
  cases(postgresBackendOn(pg))
})

const imported = (id: string, p50: number, p95: number): StoredSession =>
  session(id, {
    source: 'import',
    started_at: null,
    ended_at: null,
    latency_p50_ms: p50,
    latency_p95_ms: p95
  })

/** A live call recorded as the recorder writes it: its session row and its settled call. */
async function recordLive(
  db: SessionDatabase,
  row: StoredSession,
  countedTurns: number
): Promise<void> {
  await db.calls.insertIfNew({
    sessionId: row.session_id,
    callId: null,
    provider: 'openai',
    model: 'gpt-realtime',
    startedAtMs: 1_764_081_000_000,
    pricing: null,
    sentimentReader: 'lexicon'
  })
  await db.transaction(async (tx) => {
    await tx.sessions.insertRecorded(row, '2026-11-25T14:32:00.000Z')
    await tx.calls.settle(row.session_id, {
      status: 'finished',
      endedAtMs: 1_764_081_009_000,
      countedTurns,
      finalizedAt: '2026-11-25T14:32:00.000Z',
      labelledBy: 'lexicon',
      labelsReason: 'no_key',
      labelsError: null
    })
  })
}

/** Two imported sessions and one live call with counted turns. */
async function seeded(db: SessionDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.sessions.insertRecorded(imported('IMP-1', 80, 150), 'now')
    await tx.sessions.insertRecorded(imported('IMP-2', 100, 250), 'now')
  })
  await recordLive(db, session('LIVE-1', { latency_p50_ms: 410, latency_p95_ms: 900 }), 4)
}

function cases(backend: SessionDatabaseBackend): void {
  afterEach(() => backend.close())

  it('changes no latency average, percentile bin, extreme or slow count', async () => {
    const without = await backend.open()
    await seeded(without)
    const before = await new ReportQueries(without).summary({})

    const db = await backend.open()
    await seeded(db)
    const noTurn = session('LIVE-2', {
      latency_p50_ms: 0,
      latency_p95_ms: 0,
      scenario: 'faq',
      language: 'und'
    })
    await recordLive(db, noTurn, 0)
    const after = await new ReportQueries(db).summary({})

    expect(after.kpis.sessions).toBe(before.kpis.sessions + 1)
    expect(after.kpis.timedSessions).toBe(before.kpis.timedSessions)
    for (const key of ['avgP50Ms', 'avgP95Ms', 'slowSessions', 'slowSharePct'] as const)
      expect(after.kpis[key]).toBe(before.kpis[key])
    expect(after.kpis.latency.imported).toEqual(before.kpis.latency.imported)
    expect(after.kpis.latency.live).toEqual({ ...before.kpis.latency.live, sessions: 2 })
    expect(after.histogram).toEqual(before.histogram)
    expect(after.rag).toEqual([{ ...before.rag[0]!, sessions: 4 }])
    // Its scenario and language appear with their session and no latency at all.
    expect(after.byScenario.find((s) => s.scenario === 'faq')).toMatchObject({
      sessions: 1,
      avgP50Ms: null,
      avgP95Ms: null,
      slowSessions: 0
    })
    expect(after.languages.find((l) => l.language === 'und')?.avgP50Ms).toBeNull()
    // On the per-session chart: a point without latency (a gap), not a drop to 0.
    const point = after.latencyPerSession.points.find((p) => p.firstSessionId === 'LIVE-2')
    expect(point).toMatchObject({ untimedSessions: 1, liveSessions: 1, p50Ms: null, p95Ms: null })
  })

  it('keeps live and imported latency apart, each with its own threshold', async () => {
    const db = await backend.open()
    await seeded(db)
    const { kpis } = await new ReportQueries(db).summary({})
    expect(kpis.latency.imported).toEqual({
      sessions: 2,
      timedSessions: 2,
      avgP50Ms: 90,
      avgP95Ms: 200,
      slowThresholdMs: 200,
      slowSessions: 1,
      slowSharePct: 50
    })
    // 900 ms to first audio is slow for a live call (above 800 ms); 410 ms P50 is not judged.
    expect(kpis.latency.live).toEqual({
      sessions: 1,
      timedSessions: 1,
      avgP50Ms: 410,
      avgP95Ms: 900,
      slowThresholdMs: 800,
      slowSessions: 1,
      slowSharePct: 100
    })
    expect(kpis.slowSessions).toBe(2)
  })

  it('tells Sessions which rows of a page counted no turn, and only live ones', async () => {
    const db = await backend.open()
    await seeded(db)
    await recordLive(db, session('LIVE-2', { latency_p50_ms: 0, latency_p95_ms: 0 }), 0)
    expect(await db.calls.withoutCountedTurn()).toEqual(['LIVE-2'])
    expect(await db.calls.withoutCountedTurn(['LIVE-1', 'IMP-1'])).toEqual([])
    const store = new SessionStore(db)
    const page = await store.list({}, { column: 'session_id', direction: 'asc' }, 0, 10)
    expect(page.rows.map((r) => r.session_id)).toEqual(['IMP-1', 'IMP-2', 'LIVE-1', 'LIVE-2'])
    expect(page.noTurnIds).toEqual(['LIVE-2'])
    // Answered from the columns Reports keeps in memory: the same.
    const reports = new ReportQueries(db)
    await reports.warm()
    const fromColumns = new SessionStore(db, () => reports.peek())
    expect(
      (await fromColumns.list({}, { column: 'latency_p50_ms', direction: 'asc' }, 0, 2)).noTurnIds
    ).toEqual(['LIVE-2'])
  })
}
