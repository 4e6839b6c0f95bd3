import { describe, expect, it } from 'vitest'
import { LabReportAccumulator, type LabReport } from '../../../src/shared/analytics/labReport'
import { formatLabReport } from '../../../src/shared/analytics/labReportText'
import { readLabCsv } from '../../../src/main/sessions/readLabCsv'
import { PILOT_CSV } from '../../support/tempDir'

async function pilotReport(): Promise<LabReport> {
  const acc = new LabReportAccumulator()
  await readLabCsv(PILOT_CSV, {
    session: (s) => acc.add(s),
    issue: (i) => {
      throw new Error(JSON.stringify(i))
    }
  })
  return acc.result()
}

describe("every figure of the lab's Parts 3–7 on the 15-session pilot", () => {
  it('Part 3: latency', async () => {
    const { latency, total_sessions } = await pilotReport()
    expect(total_sessions).toBe(15)
    expect(latency.avg_p50_ms).toBeCloseTo(1340 / 15, 10)
    expect(latency.avg_p95_ms).toBeCloseTo(2813 / 15, 10)
    expect([latency.min_p50_ms, latency.max_p50_ms, latency.threshold_ms]).toEqual([75, 110, 200])
    expect(latency.slow_sessions).toEqual([
      { session_id: 'S06', scenario: 'return_request', latency_p95_ms: 210 },
      { session_id: 'S09', scenario: 'complaint', latency_p95_ms: 240 },
      { session_id: 'S12', scenario: 'return_request', latency_p95_ms: 215 },
      { session_id: 'S14', scenario: 'complaint', latency_p95_ms: 255 }
    ])
  })

  it('Part 4: sentiment', async () => {
    const { sentiment } = await pilotReport()
    expect(sentiment.counts).toEqual({ positive: 8, negative: 4, neutral: 3 })
    expect(Object.keys(sentiment.counts)).toEqual(['positive', 'negative', 'neutral'])
    expect(sentiment.negative_sessions).toEqual([
      { session_id: 'S03', scenario: 'complaint', duration_sec: 120, interruptions: 3 },
      { session_id: 'S06', scenario: 'return_request', duration_sec: 65, interruptions: 1 },
      { session_id: 'S09', scenario: 'complaint', duration_sec: 90, interruptions: 4 },
      { session_id: 'S14', scenario: 'complaint', duration_sec: 105, interruptions: 5 }
    ])
  })

  it('Part 5: RAG usage', async () => {
    const { rag } = await pilotReport()
    expect(rag).toMatchObject({ used: 12, not_used: 3, usage_rate_pct: 80 })
    expect(rag.avg_p50_with_rag_ms).toBeCloseTo(1111 / 12, 10)
    expect(rag.avg_p50_without_rag_ms).toBeCloseTo(229 / 3, 10)
    expect(rag.sessions_without_rag).toEqual([
      { session_id: 'S05', scenario: 'faq', sentiment: 'positive' },
      { session_id: 'S10', scenario: 'faq', sentiment: 'positive' },
      { session_id: 'S15', scenario: 'faq', sentiment: 'positive' }
    ])
  })

  it('Part 6: interruptions', async () => {
    const { interruptions } = await pilotReport()
    expect(interruptions.avg_by_sentiment).toEqual({
      negative: 3.25,
      neutral: 2 / 3,
      positive: 0.625
    })
    expect(interruptions.high_interruption_sessions).toEqual([
      { session_id: 'S03', scenario: 'complaint', interruptions: 3, sentiment: 'negative' },
      { session_id: 'S09', scenario: 'complaint', interruptions: 4, sentiment: 'negative' },
      { session_id: 'S14', scenario: 'complaint', interruptions: 5, sentiment: 'negative' }
    ])
  })

  it('Part 7: languages (EN avg P50 is 1171/13 = 90.08; the lab text misprints 90.2)', async () => {
    const { language } = await pilotReport()
    expect(language.counts).toEqual({ en: 13, es: 1, fr: 1 })
    expect(language.by_language).toEqual({
      en: { sessions: 13, avg_p50_ms: 1171 / 13, mode_sentiment: 'positive' },
      es: { sessions: 1, avg_p50_ms: 82, mode_sentiment: 'positive' },
      fr: { sessions: 1, avg_p50_ms: 87, mode_sentiment: 'positive' }
    })
  })

  it('prints the figures rounded as the lab prints them', async () => {
    const text = formatLabReport(await pilotReport())
    for (const line of [
      'Average P50 latency: 89.3 ms',
      'Average P95 latency: 187.5 ms',
      'Min P50: 75 ms',
      'Max P50: 110 ms',
      'Sessions with P95 > 200ms: 4',
      'Positive: 8 sessions',
      'Neutral:  3 sessions',
      'Negative: 4 sessions',
      'RAG used: 12/15 sessions (80%)',
      'RAG not used: 3 sessions',
      'Avg P50 with RAG:    92.6 ms',
      'Avg P50 without RAG: 76.3 ms',
      'negative    3.25',
      'neutral     0.67',
      'positive    0.63',
      'EN: 13 sessions, avg P50=90.1ms, avg sentiment: positive',
      'ES: 1 sessions, avg P50=82.0ms, avg sentiment: positive',
      'FR: 1 sessions, avg P50=87.0ms, avg sentiment: positive'
    ])
      expect(text.split('\n')).toContain(line)
    expect(text).toMatch(/ +S06 +return_request +210\n/)
  })
})
