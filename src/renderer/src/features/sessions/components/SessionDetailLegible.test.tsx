import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { TurnRow } from '@shared/live-call/recordedCall'
import type { StoredSession } from '@shared/sessions/labSchema'
import { i18next } from '@renderer/i18n'
import { mockApi } from '@renderer/test/mockApi'
import { SessionDetailDrawer } from './SessionDetailDrawer'
import { TurnTimeline } from './TurnTimeline'

const imported: StoredSession = {
  session_id: 'IMP-7',
  scenario: 'faq',
  duration_sec: 42,
  latency_p50_ms: 410,
  latency_p95_ms: 620,
  interruptions: 1,
  turns: 6,
  sentiment: 'neutral',
  model: 'gpt-realtime',
  rag_used: true,
  language: 'en',
  started_at: '2026-11-25T14:30:12.000Z',
  ended_at: '2026-11-25T14:30:54.000Z',
  source: 'import',
  at_ear_p50_ms: null,
  at_ear_p95_ms: null,
  backchannels: null,
  echo_suspects: null,
  tool_calls: null,
  tool_ms_p50: 25.8,
  input_tokens: 12345,
  output_tokens: null,
  cost_usd: 0.021928,
  escalated: null
}

const cutIn = (heardPct: number | null): TurnRow => ({
  turn_index: 1,
  kind: 'barge_in',
  caller_start_ms: 4000,
  caller_stop_ms: 5000,
  agent_start_ms: 2000,
  agent_stop_ms: 4000,
  latency_ms: null,
  at_ear_latency_ms: null,
  barge_in: true,
  heard_ms: 2000,
  heard_pct: heardPct,
  backchannel: false,
  echo_suspect: false,
  caller_text: 'Stop',
  agent_text: 'Our boots are…',
  agent_heard_text: 'Our boots are…'
})

describe('a session’s detail reads as people read', () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  it('shows times in the reader’s language (UTC as the tooltip) and the cost as money', async () => {
    mockApi({})
    await i18next.changeLanguage('fr')
    render(<SessionDetailDrawer session={imported} onClose={() => {}} />)
    const started = screen.getByTestId('detail-started_at')
    expect(started.textContent).not.toContain('T14:30')
    expect(started.textContent).toMatch(/2026/)
    expect(started.getAttribute('title')).toBe('2026-11-25T14:30:12.000Z')
    expect(screen.getByTestId('detail-cost_usd').textContent?.replace(/\s/g, ' ')).toBe(
      '0,0219 $US'
    )
    // Figures in French digits, not as stored.
    expect(screen.getByTestId('detail-tool_ms_p50').textContent).toContain('25,8')
    expect(screen.getByTestId('detail-input_tokens').textContent?.replace(/\s/g, ' ')).toContain(
      '12 345'
    )
  })

  it('says a cut at the very end is one, not "100 % heard"', () => {
    const { rerender } = render(<TurnTimeline turns={[cutIn(100)]} />)
    const label = (): string => screen.getByTestId('turn-timeline').textContent ?? ''
    expect(label()).toContain('barge-in at the very end')
    expect(label()).not.toContain('100')
    rerender(<TurnTimeline turns={[cutIn(42)]} />)
    expect(label()).toContain('barge-in · 42 % heard')
  })
})
