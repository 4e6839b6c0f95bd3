import { act, cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallAlert } from '@shared/escalation/callAlert'
import { replayCall } from '@shared/live-call/callReducer'
import { NORMAL_CALL } from '../../../../../../test/support/callFixtures'
import type { ReplayScheduler } from '@shared/live-call/replayPlayer'
import { turnRows } from '@shared/live-call/turnRows'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { RecordedCall } from './RecordedCall'

const TAKEN = 'Session id LIVE-20261125-143012-ab12 is already taken by another session row'
const SESSION = 'LIVE-20261125-143012-ab12'

const ALERTS: CallAlert[] = [
  {
    alertId: 1,
    rule: 'human_request',
    severity: 'critical',
    raisedAt: '2026-11-25T14:30:18.000Z',
    t: 5_000,
    reason: 'Caller asks for a human ("a person")',
    quote: 'let me talk to a person',
    status: 'escalated',
    actions: [
      { action: 'acknowledge', by: 'bo', at: '2026-11-25T14:30:30.000Z', note: null },
      { action: 'escalate', by: 'ana', at: '2026-11-25T14:31:00.000Z', note: 'handoff\nlong' }
    ]
  },
  {
    alertId: 2,
    rule: 'latency',
    severity: 'info',
    raisedAt: '2026-11-25T14:30:27.000Z',
    t: 15_000,
    reason: 'Slow answers',
    quote: null,
    status: 'open',
    actions: []
  }
]

/** Time moved by the test: no real timers, no waiting. */
function manualScheduler(): ReplayScheduler & { advance(ms: number): void } {
  let now = 0
  let tick: (() => void) | null = null
  return {
    now: () => now,
    every: (_ms, fn) => {
      tick = fn
      return () => {
        tick = null
      }
    },
    advance(ms) {
      now += ms
      tick?.()
    }
  }
}

function renderCall(scheduler: ReplayScheduler, more: Record<string, unknown> = {}) {
  mockApi({
    'recording.get': ok({
      session: null,
      status: 'finished',
      events: NORMAL_CALL.length,
      turns: turnRows(replayCall(NORMAL_CALL)),
      alerts: ALERTS,
      labels: { by: 'model', model: 'gpt-4o-mini', reason: null, error: null },
      failure: null,
      engine: 'realtime',
      ...more
    }),
    'recording.events': ok({ inputs: NORMAL_CALL }),
    'recording.audio': ok(null)
  })
  return render(<RecordedCall sessionId={SESSION} scheduler={scheduler} />)
}

const transcriptLines = (): string[] =>
  within(screen.getByRole('list', { name: 'Transcript' }))
    .queryAllByText(/\?|thank you/)
    .map((el) => el.textContent ?? '')

describe('RecordedCall: alerts on the timeline and the replay', () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  it('flags each alert with its rule, and lists reason, quote and every action', async () => {
    renderCall(manualScheduler())
    const markers = await screen.findAllByTestId('timeline-alert')
    expect(markers.map((m) => m.getAttribute('data-rule'))).toEqual(['human_request', 'latency'])
    expect(markers[0]!.getAttribute('aria-label')).toBe(
      'Caller asks for a human (critical) at 5 sec'
    )
    const list = screen.getByTestId('call-alerts')
    expect(list.textContent).toContain('“let me talk to a person”')
    expect(list.textContent).toContain('Acknowledged by bo')
    // The handoff note's first line only.
    expect(list.textContent).toMatch(/Escalated by ana · .* — Note: handoff(?!\n)/)
    expect(list.textContent).toContain('No supervisor action yet')
  })

  it('replays the call: the transcript and alerts as they stood, at the chosen speed', async () => {
    const clock = manualScheduler()
    renderCall(clock)
    await screen.findByTestId('replay')
    expect(transcriptLines()).toHaveLength(3)
    act(() => screen.getByRole('button', { name: 'Play replay' }).click())
    // 3 s of wall time at 2×: 6 s into the call, the first question asked, the 5 s alert raised.
    act(() => screen.getByRole('button', { name: '2×' }).click())
    act(() => clock.advance(3_000))
    expect(screen.getByTestId('replay-clock').textContent).toBe('6 sec / 20 sec')
    expect(transcriptLines()).toEqual(['Do you have waterproof hiking boots?'])
    expect(screen.getAllByTestId('timeline-alert')).toHaveLength(1)
    expect(screen.getByTestId('replay-cursor')).toBeTruthy()
    act(() => screen.getByRole('button', { name: 'Pause replay' }).click())
    act(() => clock.advance(10_000))
    expect(screen.getByTestId('replay-clock').textContent).toBe('6 sec / 20 sec')
    // Scrubbed to the end: every turn and alert is back.
    act(() => {
      screen.getByRole('button', { name: '8×' }).click()
      screen.getByRole('button', { name: 'Play replay' }).click()
    })
    act(() => clock.advance(2_000))
    expect(screen.getByTestId('replay-clock').textContent).toBe('20 sec / 20 sec')
    expect(screen.getByRole('button', { name: 'Play replay' })).toBeTruthy()
    expect(transcriptLines()).toHaveLength(3)
    expect(screen.getAllByTestId('timeline-alert')).toHaveLength(2)
  })

  it('says why a call could not be finalized, and still shows its transcript', async () => {
    renderCall(manualScheduler(), {
      status: 'failed',
      labels: null,
      failure: {
        error: TAKEN,
        failedAt: '2026-11-25T14:40:00.000Z',
        attempts: 2
      }
    })
    const failure = await screen.findByTestId('call-failure')
    expect(failure.textContent).toContain('This call could not be finalized')
    expect(failure.textContent).toContain(`Its ${NORMAL_CALL.length} recorded events are kept`)
    expect(failure.textContent).toContain(TAKEN)
    expect(transcriptLines()).toHaveLength(3)
  })

  it('speaks French, with French numbers and times', async () => {
    await i18next.changeLanguage('fr')
    renderCall(manualScheduler())
    await screen.findByTestId('replay')
    expect(screen.getByRole('button', { name: 'Lancer la relecture' })).toBeTruthy()
    expect(screen.getByRole('img', { name: /^Chronologie des tours sur 18,8 s/ })).toBeTruthy()
    expect(screen.getByTestId('call-alerts').textContent).toContain('Escaladée par ana')
    expect(screen.getByTestId('replay-clock').textContent).toBe('0\u202fs / 20\u202fs')
  })
})
