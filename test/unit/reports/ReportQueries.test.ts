import { afterEach, describe, expect, it } from 'vitest'
import { ReportQueries } from '../../../src/main/reports/ReportQueries'
import type { SessionStore } from '../../../src/main/sessions/SessionStore'
import { bumpSessionsVersion } from '../../../src/main/database/sqlite/sessionsVersion'
import { computeLabReport } from '../../../src/shared/analytics/labReport'
import { formatFixed } from '../../../src/shared/analytics/pythonFormat'
import {
  MAX_LATENCY_POINTS,
  type ReportFilter,
  type ReportSummary
} from '../../../src/shared/analytics/reportSchemas'
import type { LabSession } from '../../../src/shared/sessions/labSchema'
import { FACET_COLUMNS } from '../../../src/shared/sessions/sessionQuery'
import { useTempDir } from '../../support/tempDir'
import { openReportDb } from './reportFixtures'
import type { SqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'

const expectCloseOrNull = (actual: number | null | undefined, expected: number | null) =>
  expected === null ? expect(actual).toBeUndefined() : expect(actual!).toBeCloseTo(expected, 9)

/** The summary's figures that the lab report also computes must equal the lab's. */
function expectLabFigures(summary: ReportSummary, sessions: LabSession[]): void {
  const lab = computeLabReport(sessions)
  const { kpis } = summary
  expect(kpis.sessions).toBe(lab.total_sessions)
  if (lab.total_sessions === 0) {
    expect([kpis.avgP50Ms, kpis.avgP95Ms, kpis.ragUsagePct, kpis.avgInterruptions]).toEqual([
      null,
      null,
      null,
      null
    ])
    return
  }
  expect(kpis.avgP50Ms).toBeCloseTo(lab.latency.avg_p50_ms!, 9)
  expect(kpis.avgP95Ms).toBeCloseTo(lab.latency.avg_p95_ms!, 9)
  expect(kpis.slowSessions).toBe(lab.latency.slow_sessions.length)
  expect(kpis.negativeSessions).toBe(lab.sentiment.counts['negative'] ?? 0)
  expect(kpis.ragUsagePct).toBeCloseTo(lab.rag.usage_rate_pct!, 9)
  // value_counts: same values, same order
  expect(summary.sentiments.map((s) => [s.sentiment, s.sessions])).toEqual(
    Object.entries(lab.sentiment.counts)
  )
  expect(summary.languages.map((l) => [l.language, l.sessions])).toEqual(
    Object.entries(lab.language.counts)
  )
  const groupby = Object.entries(lab.interruptions.avg_by_sentiment)
  expect(summary.interruptionsBySentiment.map((s) => s.sentiment)).toEqual(groupby.map(([k]) => k))
  summary.interruptionsBySentiment.forEach((s, i) =>
    expect(s.avgInterruptions).toBeCloseTo(groupby[i]![1], 9)
  )
  for (const language of summary.languages) {
    const expected = lab.language.by_language[language.language]!
    expect(language.avgP50Ms!).toBeCloseTo(expected.avg_p50_ms, 9)
    expect(language.dominantSentiment).toBe(expected.mode_sentiment)
  }
  const withRag = summary.rag.find((r) => r.ragUsed)
  const withoutRag = summary.rag.find((r) => !r.ragUsed)
  expectCloseOrNull(withRag?.avgP50Ms, lab.rag.avg_p50_with_rag_ms)
  expectCloseOrNull(withoutRag?.avgP50Ms, lab.rag.avg_p50_without_rag_ms)
  expect(withoutRag?.sessions ?? 0).toBe(lab.rag.not_used)
}

/** What the filter selects, computed in plain code over the CSV rows. */
const matches =
  (filter: ReportFilter) =>
  (s: LabSession): boolean =>
    (!filter.scenario || filter.scenario.includes(s.scenario)) &&
    (!filter.sentiment || filter.sentiment.includes(s.sentiment)) &&
    (!filter.language || filter.language.includes(s.language)) &&
    (!filter.model || filter.model.includes(s.model)) &&
    (filter.ragUsed === undefined || filter.ragUsed === s.rag_used)

describe('reports.summary in SQL', () => {
  const tmp = useTempDir()
  let store: SessionStore<SqliteSessionDatabase> | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  const open = async (synthetic = 0) => {
    const db = await openReportDb(tmp.path(), synthetic)
    store = db.store
    return { reports: new ReportQueries(db.store.database), sessions: db.sessions, store: db.store }
  }

  it("reads the lab's KPIs on the pilot: 15, 89.3 ms, 187.5 ms, 4 slow (26.7 %), 4 negative, 80 % RAG", async () => {
    const { reports, sessions } = await open()
    const summary = await reports.summary({})
    const { kpis } = summary
    expect(kpis.sessions).toBe(15)
    expect(formatFixed(kpis.avgP50Ms!, 1)).toBe('89.3')
    expect(formatFixed(kpis.avgP95Ms!, 1)).toBe('187.5')
    expect([kpis.slowSessions, formatFixed(kpis.slowSharePct!, 1)]).toEqual([4, '26.7'])
    expect([kpis.negativeSessions, formatFixed(kpis.negativeSharePct!, 1)]).toEqual([4, '26.7'])
    expect(formatFixed(kpis.ragUsagePct!, 0)).toBe('80')
    const interruptions = sessions.reduce((sum, s) => sum + s.interruptions, 0)
    expect(kpis.avgInterruptions).toBeCloseTo(interruptions / 15, 12)
    expectLabFigures(summary, sessions)
  })

  it('charts the pilot per scenario, per session, as a histogram and per interruption count', async () => {
    const { reports, sessions } = await open()
    const summary = await reports.summary({})
    for (const row of summary.byScenario) {
      const mine = sessions.filter((s) => s.scenario === row.scenario)
      expect(row.sessions).toBe(mine.length)
      expect(row.avgP95Ms).toBeCloseTo(mine.reduce((a, s) => a + s.latency_p95_ms, 0) / mine.length)
      expect(row.slowSessions).toBe(mine.filter((s) => s.latency_p95_ms > 200).length)
      expect(row.ragSessions).toBe(mine.filter((s) => s.rag_used).length)
    }
    expect(summary.byScenario.reduce((a, r) => a + r.sessions, 0)).toBe(15)

    const { latencyPerSession } = summary
    expect(latencyPerSession.bucketed).toBe(false)
    expect(latencyPerSession.points.map((p) => [p.firstSessionId, p.p50Ms, p.p95Ms])).toEqual(
      sessions.map((s) => [s.session_id, s.latency_p50_ms, s.latency_p95_ms])
    )

    const { histogram } = summary
    expect(histogram.binWidthMs).toBe(10)
    expect(histogram.bins[0]!.fromMs).toBe(70) // S10's P50 of 75 ms
    expect(histogram.bins.at(-1)!.toMs).toBe(260) // S14's P95 of 255 ms
    for (const bin of histogram.bins) {
      const inBin = (ms: number): boolean => ms >= bin.fromMs && ms < bin.toMs
      expect(bin.p50Sessions).toBe(sessions.filter((s) => inBin(s.latency_p50_ms)).length)
      expect(bin.p95Sessions).toBe(sessions.filter((s) => inBin(s.latency_p95_ms)).length)
    }

    for (const cell of summary.interruptionsVsSentiment) {
      expect(cell.sessions).toBe(
        sessions.filter(
          (s) => s.interruptions === cell.interruptions && s.sentiment === cell.sentiment
        ).length
      )
    }
    expect(summary.interruptionsVsSentiment.reduce((a, c) => a + c.sessions, 0)).toBe(15)
    expect(summary.overTime).toEqual({ undatedSessions: 15, days: [] })
  })

  it.each<[string, ReportFilter]>([
    ['negative sentiment', { sentiment: ['negative'] }],
    ['two scenarios', { scenario: ['complaint', 'return_request'] }],
    ['Spanish and French', { language: ['es', 'fr'] }],
    ['no RAG', { ragUsed: false }],
    ['the pilot model', { model: ['gpt-4o-realtime'] }],
    [
      'complaints with RAG in English',
      { scenario: ['complaint'], ragUsed: true, language: ['en'] }
    ],
    ['nothing at all', { scenario: ['no such scenario'] }]
  ])(
    'matches the lab report on 3,000 generated sessions + the pilot, filtered by %s',
    async (_, filter) => {
      const { reports, sessions } = await open(3000)
      const summary = await reports.summary(filter)
      const selected = sessions.filter(matches(filter))
      expectLabFigures(summary, selected)
      const slow = selected.filter((s) => s.latency_p95_ms > 200).length
      expect(summary.kpis.slowSharePct).toBe(
        selected.length ? (slow / selected.length) * 100 : null
      )
    }
  )

  it("lists each filter's values as SELECT DISTINCT would, and again after a change", async () => {
    const { reports, store } = await open(100)
    const distinct = (column: string): string[] =>
      store.database.connection
        .prepare(`SELECT DISTINCT ${column} AS v FROM sessions ORDER BY v`)
        .all()
        .map((r) => String((r as { v: string }).v))
    const facets = await reports.facets()
    expect(facets).toMatchObject({
      sentiment: ['negative', 'neutral', 'positive'],
      language: ['en', 'es', 'fr'],
      source: ['import']
    })
    for (const column of FACET_COLUMNS) expect(facets[column]).toEqual(distinct(column))

    // A write to sessions as main's writers make it: with the version bumped.
    store.database.connection
      .prepare("UPDATE sessions SET model = 'gpt-realtime-test' WHERE session_id = 'S01'")
      .run()
    bumpSessionsVersion(store.database.connection)
    expect((await reports.facets()).model).toEqual(distinct('model'))
    expect((await reports.facets()).model).toContain('gpt-realtime-test')
  })

  it('filters by source', async () => {
    const { reports } = await open(100)
    expect((await reports.summary({ source: ['import'] })).kpis.sessions).toBe(115)
    expect((await reports.summary({ source: ['live', 'seed'] })).kpis.sessions).toBe(0)
  })

  it('groups many sessions into at most MAX_LATENCY_POINTS runs, keeping means and peaks', async () => {
    const { reports, sessions } = await open(2500)
    const { latencyPerSession, kpis } = await reports.summary({})
    const { points } = latencyPerSession
    expect(latencyPerSession.bucketed).toBe(true)
    expect(points).toHaveLength(MAX_LATENCY_POINTS)
    // runs of consecutive sessions whose sizes differ by one at most
    const sizes = points.map((p) => p.sessions)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    expect(points.reduce((a, p) => a + p.sessions, 0)).toBe(2515)
    const ids = sessions.map((s) => s.session_id).sort()
    expect(points[0]!.firstSessionId).toBe(ids[0])
    expect(points.at(-1)!.lastSessionId).toBe(ids.at(-1))
    // runs are consecutive and in order
    for (let i = 1; i < points.length; i++)
      expect(points[i]!.firstSessionId > points[i - 1]!.lastSessionId).toBe(true)
    const weightedP50 = points.reduce((a, p) => a + p.p50Ms! * p.sessions, 0) / 2515
    expect(weightedP50).toBeCloseTo(kpis.avgP50Ms!, 6)
    expect(Math.max(...points.map((p) => p.maxP95Ms!))).toBe(
      Math.max(...sessions.map((s) => s.latency_p95_ms))
    )
    const negative = await reports.summary({ sentiment: ['negative'] })
    expect(negative.latencyPerSession.points.reduce((a, p) => a + p.sessions, 0)).toBe(
      negative.kpis.sessions
    )
  })

  it('counts sessions per day when sessions have dates, and filters by a date range', async () => {
    const { reports, store: db } = await open()
    const date = db.database.connection.prepare(
      'UPDATE sessions SET started_at = ? WHERE session_id = ?'
    )
    date.run('2025-03-01T23:59:59.000Z', 'S03') // negative
    date.run('2025-03-01T08:00:00.000Z', 'S01')
    date.run('2025-03-02T00:00:00.000Z', 'S09') // negative
    date.run('2025-03-04T12:00:00.000Z', 'S02')
    const { overTime } = await reports.summary({})
    expect(overTime.undatedSessions).toBe(11)
    expect(overTime.days).toEqual([
      { day: '2025-03-01', sessions: 2, negativeSessions: 1, negativeSharePct: 50 },
      { day: '2025-03-02', sessions: 1, negativeSessions: 1, negativeSharePct: 100 },
      { day: '2025-03-04', sessions: 1, negativeSessions: 0, negativeSharePct: 0 }
    ])
    const ranged = await reports.summary({ startedFrom: '2025-03-01', startedTo: '2025-03-02' })
    expect(ranged.kpis.sessions).toBe(3) // whole days, both ends included
    expect(ranged.overTime.undatedSessions).toBe(0)
    expect((await reports.summary({ startedFrom: '2025-03-02' })).kpis.sessions).toBe(2)
    expect((await reports.summary({ startedTo: '2025-02-28' })).kpis.sessions).toBe(0)
  })

  it('pauses between its queries so other requests can run', async () => {
    const { reports } = await open()
    let pauses = 0
    await reports.summary({}, async () => void pauses++)
    expect(pauses).toBeGreaterThanOrEqual(2)
  })
})
