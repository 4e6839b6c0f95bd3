import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useLiveCallStore } from '@renderer/features/live-call'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import type { AlertActionRecord, StoredAlert } from '@shared/escalation/alertRecords'
import type { BacktestResult, RuleBacktest } from '@shared/escalation/backtestSchema'
import type { EscalationRules } from '@shared/escalation/escalationRules'
import { RULE_IDS, RULES } from '@shared/escalation/rules'
import { DEFAULT_ESCALATION_THRESHOLDS as DEFAULTS } from '@shared/escalation/thresholds'
import { FAILED_REASONS } from '@shared/ipc/result'
import { UnsavedChangesProvider } from '@renderer/app/UnsavedChangesProvider'
import { defaultSettings } from '@shared/settings/settingsSchema'
import type { LiveCallRow } from '@shared/team/boardSnapshot'
import { MonitorScreen } from './MonitorScreen'

const cells = (tp: string[], fp: string[], fn: string[], tn: number): RuleBacktest['cells'] => ({
  tp: { count: tp.length, sessionIds: tp },
  fp: { count: fp.length, sessionIds: fp },
  fn: { count: fn.length, sessionIds: fn },
  tn: { count: tn, sessionIds: [] }
})

function result(precision: number): BacktestResult {
  const scored: RuleBacktest = {
    rule: 'interruptions_total',
    label: RULES.interruptions_total.label,
    enabled: true,
    evaluated: 15,
    notEvaluated: 0,
    cells: cells(['S03', 'S09', 'S14'], [], ['S06'], 11),
    precision,
    recall: 0.75
  }
  const rules = RULE_IDS.map((rule) =>
    rule === 'interruptions_total'
      ? scored
      : {
          ...scored,
          rule,
          label: RULES[rule].label,
          evaluated: 0,
          notEvaluated: 15,
          cells: cells([], [], [], 0),
          precision: null,
          recall: null
        }
  )
  return {
    sessions: 15,
    sessionLevel: 15,
    turnLevel: 0,
    actual: 'negative sentiment',
    rules,
    combined: { ...scored, rule: 'combined', label: 'Any rule' },
    notes: ['counts only']
  }
}

const openAlert = (over: Partial<StoredAlert> = {}): StoredAlert => ({
  alertId: 4,
  sessionId: 'LIVE-20261125-143012-ab12',
  rule: 'human_request',
  severity: 'critical',
  raisedAt: '2026-11-25T14:31:00.000Z',
  reason: 'The caller asked for a person',
  evidence: {
    items: [{ itemId: 'i1', turnIndex: 12345, t: 9000, quote: 'I want a human' }],
    figures: {}
  },
  status: 'open',
  actionBy: null,
  actionAt: null,
  actionNote: null,
  seat: null,
  callEnded: false,
  ...over
})

const dismissal = (
  actionId: number,
  rule: StoredAlert['rule'],
  note: string
): AlertActionRecord => ({
  actionId,
  alertId: actionId,
  sessionId: 'S03',
  rule,
  action: 'dismiss',
  actionBy: 'ana',
  actionAt: '2026-11-25T14:40:00.000Z',
  note
})

/** A desk's own thresholds, as escalation.rules.get answers on a console outside team mode. */
const deskRules = (over: Partial<EscalationRules> = {}): EscalationRules => ({
  thresholds: DEFAULTS,
  mode: 'desk',
  source: 'desk',
  updatedBy: null,
  updatedAt: null,
  problem: null,
  ...over
})

/** The shared 2-vCPU machine can take seconds to re-render: room to wait, no timing claim. */
const SLOW = { timeout: 8000 }

describe('MonitorScreen', () => {
  const initialCall = useLiveCallStore.getState()
  afterEach(async () => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
    useLiveCallStore.setState(initialCall, true)
    await i18next.changeLanguage('en')
  })

  it('lists unsettled alerts; dismisses with a reason; escalates and shows the handoff note', async () => {
    const note = 'Handoff — call LIVE-20261125-143012-ab12\nInterruptions: 3'
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn(async () => {}) },
      configurable: true
    })
    const request = mockApi({
      'alerts.list': [
        ok([openAlert(), openAlert({ alertId: 5, status: 'acknowledged' })]),
        ok([openAlert()]),
        ok([])
      ],
      'alerts.act': [
        ok(openAlert({ alertId: 5, status: 'dismissed' })),
        ok(openAlert({ status: 'escalated', actionNote: note }))
      ]
    })
    render(<MonitorScreen onOpenSessions={() => {}} />)
    const card = await screen.findByTestId('alert-5')
    expect(request).toHaveBeenCalledWith('alerts.list', { status: ['open', 'acknowledged'] })
    expect(within(card).getByText('acknowledged')).toBeTruthy()
    // No call runs in this window: nothing to instruct or hang up.
    expect(within(card).queryByRole('button', { name: 'Instruct…' })).toBeNull()
    fireEvent.click(within(card).getByRole('button', { name: 'Dismiss…' }))
    fireEvent.change(within(card).getByRole('textbox', { name: 'Why dismiss?' }), {
      target: { value: ' agent echo ' }
    })
    fireEvent.click(within(card).getByRole('button', { name: 'Dismiss' }))
    expect(request).toHaveBeenCalledWith('alerts.act', {
      alertId: 5,
      action: 'dismiss',
      reason: 'agent echo'
    })
    await waitFor(() => expect(screen.queryByTestId('alert-5')).toBeNull(), SLOW)

    const first = screen.getByTestId('alert-4')
    expect(first.textContent).toContain('Turn 12,345: “I want a human”')
    fireEvent.click(within(first).getByRole('button', { name: 'Escalate' }))
    const dialog = await screen.findByRole('dialog', { name: 'Handoff note' })
    expect(within(dialog).getByTestId('handoff-note').textContent).toBe(note)
    // The escalated alert leaves the list at once; its note stays up until closed.
    expect(await screen.findByTestId('alerts-empty')).toBeTruthy()
    expect(within(dialog).getByTestId('handoff-note').textContent).toBe(note)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW)
  })

  it('offers the call actions on an alert of the call running in this window', async () => {
    const instruct = vi.fn(() => true)
    useLiveCallStore.setState({
      phase: 'in_call',
      startedAt: Date.parse('2026-11-25T14:30:00Z'),
      instruct
    })
    const request = mockApi({
      'alerts.list': ok([openAlert()]),
      'alerts.act': ok(openAlert({ status: 'acknowledged' }))
    })
    render(<MonitorScreen onOpenSessions={() => {}} />)
    const card = await screen.findByTestId('alert-4')
    fireEvent.click(within(card).getByRole('button', { name: 'Instruct…' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Apologise' }))
    expect(instruct).toHaveBeenCalledWith(expect.stringContaining('apologise to the caller'))
    await waitFor(
      () =>
        expect(request).toHaveBeenCalledWith('alerts.act', {
          alertId: 4,
          action: 'instruct',
          instruction: expect.stringContaining('apologise') as unknown as string
        }),
      SLOW
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW)
    expect(within(card).getByRole('button', { name: 'End call' })).toBeTruthy()
  })

  it("names the desk whose call raised each alert in team mode (none on a desk's own)", async () => {
    mockApi({
      'alerts.list': ok([openAlert({ seat: 'desk-7' }), openAlert({ alertId: 5, seat: null })])
    })
    render(<MonitorScreen onOpenSessions={() => {}} />)
    const team = await screen.findByTestId('alert-4')
    expect(within(team).getByTestId('alert-desk').textContent).toBe('desk desk-7')
    expect(within(screen.getByTestId('alert-5')).queryByTestId('alert-desk')).toBeNull()
  })

  it('says when the call an open alert came from has ended', async () => {
    mockApi({
      'alerts.list': ok([openAlert({ callEnded: true }), openAlert({ alertId: 5 })])
    })
    render(<MonitorScreen onOpenSessions={() => {}} />)
    const ended = await screen.findByTestId('alert-4')
    expect(within(ended).getByTestId('alert-call-ended').textContent).toBe('call ended')
    expect(within(screen.getByTestId('alert-5')).queryByTestId('alert-call-ended')).toBeNull()
  })

  it("takes a gateway's running call over from its alert's card, for a supervisor only", async () => {
    const settings = defaultSettings()
    const seat = (role: 'agent' | 'supervisor') =>
      ok({ settings: { ...settings, team: { ...settings.team, role } }, problem: null })
    const phone: LiveCallRow = {
      sessionId: 'LIVE-PHONE',
      seat: 'gw-1',
      channel: 'phone',
      caller: '+1 ••• ••• 0142',
      engine: 'live',
      startedAt: '2026-11-25T14:30:12.000Z',
      durationMs: 65_000,
      language: 'en',
      turns: 6,
      interruptions: 3,
      p50Ms: 610,
      latestAlert: null,
      stale: false,
      lastHeardAt: '2026-11-25T14:31:15.000Z'
    }
    const board = ok({
      takenAt: new Date().toISOString(),
      channel: 'connected',
      staleAfterMs: 6_000,
      calls: [phone]
    })
    const alerts = ok([
      openAlert({ sessionId: 'LIVE-PHONE', seat: 'gw-1' }),
      openAlert({ alertId: 5 })
    ])
    const request = mockApi({
      'alerts.list': alerts,
      'team.board': board,
      'settings.get': seat('supervisor'),
      'gateway.act': ok({ commandId: 1, gatewaySeat: 'gw-1', note: 'Handoff' })
    })
    render(<MonitorScreen onOpenSessions={() => {}} />)
    const card = await screen.findByTestId('alert-4')
    const actions = await waitFor(() => within(card).getByTestId('gateway-call-actions'))
    // GPT-Live cannot stop its agent mid-sentence; a phone call can go to a person.
    expect(within(actions).getByRole('button', { name: 'Stop agent speaking' })).toHaveProperty(
      'disabled',
      true
    )
    fireEvent.click(within(actions).getByRole('button', { name: 'Transfer to a person' }))
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('gateway.act', {
        sessionId: 'LIVE-PHONE',
        alertId: 4,
        action: 'transfer'
      })
    )
    // Another call's alert (a desk's) has no gateway to act through.
    expect(within(screen.getByTestId('alert-5')).queryByTestId('gateway-call-actions')).toBeNull()

    cleanup()
    mockApi({ 'alerts.list': alerts, 'team.board': board, 'settings.get': seat('agent') })
    render(<MonitorScreen onOpenSessions={() => {}} />)
    await screen.findByTestId('alert-4')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByTestId('gateway-call-actions')).toBeNull()
  })

  it('says where alerts come from when none are open', async () => {
    mockApi({ 'alerts.list': ok([]) })
    render(<MonitorScreen onOpenSessions={() => {}} />)
    expect((await screen.findByTestId('alerts-empty')).textContent).toContain(
      'Alerts come from live calls'
    )
  })

  it('backtests the saved thresholds, re-runs an edit, and opens a cell’s sessions', async () => {
    const request = mockApi({
      'alerts.list': ok([]),
      'escalation.rules.get': ok(deskRules()),
      'escalation.backtest': [ok(result(1)), ok(result(0.6))],
      'alerts.actions': ok([
        dismissal(1, 'interruptions_total', 'agent echo'),
        dismissal(2, 'interruptions_total', 'caller was joking\nsaid so later'),
        dismissal(3, 'interruptions_total', 'Caller was joking')
      ])
    })
    const open = vi.fn()
    render(<MonitorScreen onOpenSessions={open} />)
    fireEvent.click(screen.getByRole('tab', { name: 'Rules' }))
    await waitFor(
      () => expect(screen.getByTestId('precision-interruptions_total').textContent).toBe('1.00'),
      SLOW
    )
    expect(screen.getByTestId('recall-interruptions_total').textContent).toBe('0.75')
    expect(request).toHaveBeenCalledWith('escalation.backtest', { thresholds: DEFAULTS })
    // A desk of its own: no word on whose rules they are.
    expect(screen.queryByTestId('rules-source')).toBeNull()
    // Beside the backtest: how often the rule's live alerts were dismissed, and why.
    await waitFor(
      () =>
        expect(screen.getByTestId('dismissed-interruptions_total').textContent).toBe(
          '3caller was joking ×2 · agent echo ×1'
        ),
      SLOW
    )
    expect(screen.getByTestId('dismissed-latency').textContent).toBe('0')
    expect(request).toHaveBeenCalledWith('alerts.actions', { action: 'dismiss', limit: 5000 })

    const total = screen.getByRole('spinbutton', { name: 'In the call ≥' })
    fireEvent.change(total, { target: { value: '0' } })
    expect(screen.getByRole('button', { name: 'Run backtest' }).hasAttribute('disabled')).toBe(true)
    fireEvent.change(total, { target: { value: '2' } })
    fireEvent.click(screen.getByRole('button', { name: 'Run backtest' }))
    await waitFor(
      () => expect(screen.getByTestId('precision-interruptions_total').textContent).toBe('0.60'),
      SLOW
    )
    expect(request).toHaveBeenLastCalledWith('escalation.backtest', {
      thresholds: { ...DEFAULTS, interruptions: { ...DEFAULTS.interruptions, total: 2 } }
    })

    const matrix = screen.getByTestId('confusion-matrix')
    fireEvent.click(within(matrix).getByTestId('matrix-cell-tp'))
    expect(open).toHaveBeenCalledWith({ sessionIds: ['S03', 'S09', 'S14'] })
    expect(within(matrix).getByTestId('matrix-cell-fp').hasAttribute('disabled')).toBe(true)
  })

  it('asks before an unsaved threshold edit is left behind by a tab switch', async () => {
    mockApi({
      'alerts.list': ok([]),
      'escalation.rules.get': ok(deskRules()),
      'escalation.backtest': ok(result(1)),
      'alerts.actions': ok([]),
      'app.leavePrompt': ok(null)
    })
    render(
      <UnsavedChangesProvider>
        <MonitorScreen onOpenSessions={() => {}} />
      </UnsavedChangesProvider>
    )
    fireEvent.click(screen.getByRole('tab', { name: 'Rules' }))
    const total = await screen.findByRole('spinbutton', { name: 'In the call ≥' }, SLOW)
    fireEvent.change(total, { target: { value: '2' } })
    fireEvent.click(screen.getByRole('tab', { name: 'Open alerts' }))
    const dialog = screen.getByRole('dialog', { name: 'Leave without saving?' })
    expect(dialog.textContent).toContain('Your changes to the alert rules are not saved.')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep editing' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW)
    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'In the call ≥' }).value).toBe(
      '2'
    )

    fireEvent.click(screen.getByRole('tab', { name: 'Open alerts' }))
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }))
    await waitFor(
      () =>
        expect(screen.getByRole('tab', { name: 'Open alerts' }).getAttribute('aria-selected')).toBe(
          'true'
        ),
      SLOW
    )
    fireEvent.click(screen.getByRole('tab', { name: 'Rules' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    const reloaded = await screen.findByRole<HTMLInputElement>(
      'spinbutton',
      { name: 'In the call ≥' },
      SLOW
    )
    expect(reloaded.value).toBe(String(DEFAULTS.interruptions.total))
  })

  it("in team mode says whose rules they are; an agent's save shows the refusal, a supervisor's saves", async () => {
    const changedAt = '2026-11-25T14:31:00.000Z'
    const team = deskRules({
      mode: 'team',
      source: 'team',
      updatedBy: 'lead',
      updatedAt: changedAt
    })
    const raised = { ...DEFAULTS, interruptions: { ...DEFAULTS.interruptions, total: 4 } }
    const request = mockApi({
      'alerts.list': ok([]),
      'escalation.rules.get': ok(team),
      'escalation.backtest': ok(result(1)),
      'alerts.actions': ok([]),
      'escalation.rules.save': [
        {
          ok: false,
          error: { code: 'failed', message: FAILED_REASONS.supervisorOnlyRules }
        },
        ok({ ...team, thresholds: raised, updatedBy: 'floor' })
      ]
    })
    render(<MonitorScreen onOpenSessions={() => {}} />)
    fireEvent.click(screen.getByRole('tab', { name: 'Rules' }))
    const note = await screen.findByTestId('rules-source')
    expect(note.textContent).toContain("The team's rules, last changed by lead on")
    expect(note.textContent).toContain('2026')

    fireEvent.change(screen.getByRole('spinbutton', { name: 'In the call ≥' }), {
      target: { value: '4' }
    })
    const save = screen.getByRole('button', { name: 'Save thresholds' })
    fireEvent.click(save)
    expect(request).toHaveBeenCalledWith('escalation.rules.save', { thresholds: raised })
    expect((await screen.findByTestId('ipc-error')).textContent).toContain(
      "Only a supervisor can change the team's escalation rules"
    )
    // Still unsaved: the refused thresholds are not shown as the team's.
    expect(save.hasAttribute('disabled')).toBe(false)

    fireEvent.click(save)
    await waitFor(
      () => expect(screen.getByTestId('rules-source').textContent).toContain('by floor on'),
      SLOW
    )
    expect(save.hasAttribute('disabled')).toBe(true)
  })

  it("says why the team's rules are not applied when they cannot be", async () => {
    const detail = 'The stored escalation rules are invalid (escalation_rules: no row for latency)'
    mockApi({
      'alerts.list': ok([]),
      'escalation.rules.get': ok(
        deskRules({ mode: 'team', problem: { reason: 'invalid', detail } })
      ),
      'escalation.backtest': ok(result(1)),
      'alerts.actions': ok([])
    })
    render(<MonitorScreen onOpenSessions={() => {}} />)
    fireEvent.click(screen.getByRole('tab', { name: 'Rules' }))
    const note = await screen.findByTestId('rules-source')
    expect(note.textContent).toContain("this desk's own apply until a supervisor saves")
    expect(note.textContent).toContain(detail)
  })

  it('speaks French: tabs, the alert card and the backtest figures', async () => {
    await i18next.changeLanguage('fr')
    mockApi({
      'alerts.list': ok([openAlert()]),
      'escalation.rules.get': ok(deskRules()),
      'escalation.backtest': ok(result(0.5)),
      'alerts.actions': ok([])
    })
    render(<MonitorScreen onOpenSessions={() => {}} />)
    const card = await screen.findByTestId('alert-4')
    // French groups thousands with a narrow no-break space.
    expect(card.textContent).toContain('Tour 12\u202f345')
    expect(within(card).getByText("L'appelant demande un humain")).toBeTruthy()
    expect(within(card).getByRole('button', { name: 'Escalader' })).toBeTruthy()
    fireEvent.click(screen.getByRole('tab', { name: 'Règles' }))
    await waitFor(
      () => expect(screen.getByTestId('precision-interruptions_total').textContent).toBe('0,50'),
      SLOW
    )
    expect(screen.getByRole('button', { name: 'Lancer le backtest' })).toBeTruthy()
    expect(screen.getByTestId('confusion-matrix').textContent).toContain(
      '15 sessions jugées. Cliquez sur une case pour ouvrir ses sessions.'
    )
  })
})
