import { describe, expect, it } from 'vitest'
import type { LabSession } from '../sessions/labSchema'
import {
  averageP95Latency,
  computeLabReport,
  countNegativeSessions,
  ragUsageRatePct
} from './labReport'

const session = (
  id: string,
  p50: number,
  p95: number,
  sentiment: string,
  rag: boolean,
  extra: Partial<LabSession> = {}
): LabSession => ({
  session_id: id,
  scenario: 'faq',
  duration_sec: 10,
  latency_p50_ms: p50,
  latency_p95_ms: p95,
  interruptions: 0,
  turns: 2,
  sentiment,
  model: 'm',
  rag_used: rag,
  language: 'en',
  ...extra
})

// broken_voice.py's self-test sample: avg P95 182.0, 2 negative, RAG rate 60.0 %.
const brokenVoiceSample = [
  session('S1', 85, 170, 'positive', true),
  session('S2', 92, 185, 'neutral', true),
  session('S3', 88, 195, 'negative', true),
  session('S4', 75, 150, 'positive', false),
  session('S5', 95, 210, 'negative', false)
]

describe("the lab's three bug-fix functions", () => {
  it('averages the P95 column (bug 1)', () => {
    expect(averageP95Latency(brokenVoiceSample)).toBe(182)
  })
  it('counts negative sessions, not neutral ones (bug 2)', () => {
    expect(countNegativeSessions(brokenVoiceSample)).toBe(2)
  })
  it('divides RAG sessions by all sessions (bug 3)', () => {
    expect(ragUsageRatePct(brokenVoiceSample)).toBe(60)
  })
})

describe('computeLabReport', () => {
  it('is well defined on an empty subset', () => {
    const report = computeLabReport([])
    expect(report.total_sessions).toBe(0)
    expect(report.latency.avg_p50_ms).toBeNull()
    expect(report.rag.usage_rate_pct).toBeNull()
    expect(report.sentiment.counts).toEqual({})
  })

  it('lists sessions ordered by session_id whatever the input order', () => {
    const report = computeLabReport([
      session('B', 90, 250, 'negative', true, { interruptions: 4 }),
      session('A', 90, 260, 'negative', true, { interruptions: 3 })
    ])
    expect(report.latency.slow_sessions.map((s) => s.session_id)).toEqual(['A', 'B'])
    expect(report.interruptions.high_interruption_sessions.map((s) => s.session_id)).toEqual([
      'A',
      'B'
    ])
  })

  it('treats P95 of exactly 200 ms as not slow and 3 interruptions as high', () => {
    const report = computeLabReport([
      session('A', 90, 200, 'neutral', true, { interruptions: 3 }),
      session('B', 90, 201, 'neutral', true, { interruptions: 2 })
    ])
    expect(report.latency.slow_sessions.map((s) => s.session_id)).toEqual(['B'])
    expect(report.interruptions.high_interruption_sessions.map((s) => s.session_id)).toEqual(['A'])
  })

  it("uses pandas' mode tie-break per language and sorted keys for group means", () => {
    const report = computeLabReport([
      session('A', 80, 100, 'positive', true, { language: 'es', interruptions: 1 }),
      session('B', 90, 100, 'negative', true, { language: 'es', interruptions: 3 })
    ])
    expect(report.language.by_language).toEqual({
      es: { sessions: 2, avg_p50_ms: 85, mode_sentiment: 'negative' }
    })
    expect(Object.keys(report.interruptions.avg_by_sentiment)).toEqual(['negative', 'positive'])
  })
})

describe('streamed writers', () => {
  it('labReportJson writes exactly JSON.stringify(result()), in chunks', async () => {
    const { LabReportAccumulator } = await import('./labReport')
    const { labReportJson } = await import('./labReportJson')
    const acc = new LabReportAccumulator()
    // 3,000 sessions out of id order, with quotes in ids, so sorting and escaping are exercised
    for (let i = 3000; i > 0; i--)
      acc.add(
        session(
          `S"${String(i).padStart(5, '0')}`,
          90,
          150 + (i % 100),
          i % 3 ? 'positive' : 'negative',
          i % 5 > 0,
          {
            interruptions: i % 5
          }
        )
      )
    for (const odd of ['back\\slash', 'tab\there', 'line\u2028sep', 'lone\ud800', 'é会'])
      acc.add(session(odd, 90, 250, 'negative', false, { interruptions: 4 }))
    const chunks = [...labReportJson(acc.view())]
    expect(chunks.length).toBeGreaterThan(2)
    expect(chunks.join('')).toBe(JSON.stringify(acc.result()))
    expect(acc.result().latency.slow_sessions[0]?.session_id).toBe('S"00051') // P95 = 150 + i % 100 > 200 first at i = 51
  })
})
