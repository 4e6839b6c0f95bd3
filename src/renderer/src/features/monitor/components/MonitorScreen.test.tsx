import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockApi, ok } from '@renderer/test/mockApi'
import type { BacktestResult, RuleBacktest } from '@shared/escalation/backtestSchema'
import { RULE_IDS, RULES } from '@shared/escalation/rules'
import { defaultSettings } from '@shared/settings/settingsSchema'
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

describe('MonitorScreen', () => {
  afterEach(() => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
  })

  it('says where alerts come from when none are open', async () => {
    mockApi({ 'alerts.list': ok([]) })
    render(<MonitorScreen onOpenSessions={() => {}} />)
    expect((await screen.findByTestId('alerts-empty')).textContent).toContain(
      'Alerts come from live calls'
    )
  })

  it('backtests the saved thresholds, re-runs an edit, and opens a cell’s sessions', async () => {
    const settings = defaultSettings()
    const request = mockApi({
      'alerts.list': ok([]),
      'settings.get': ok({ settings, problem: null }),
      'escalation.backtest': [ok(result(1)), ok(result(0.6))]
    })
    const open = vi.fn()
    render(<MonitorScreen onOpenSessions={open} />)
    fireEvent.click(screen.getByRole('tab', { name: 'Rules' }))
    await waitFor(() =>
      expect(screen.getByTestId('precision-interruptions_total').textContent).toBe('1.00')
    )
    expect(screen.getByTestId('recall-interruptions_total').textContent).toBe('0.75')
    expect(request).toHaveBeenCalledWith('escalation.backtest', { thresholds: settings.escalation })

    const total = screen.getByRole('spinbutton', { name: 'In the call ≥' })
    fireEvent.change(total, { target: { value: '0' } })
    expect(screen.getByRole('button', { name: 'Run backtest' }).hasAttribute('disabled')).toBe(true)
    fireEvent.change(total, { target: { value: '2' } })
    fireEvent.click(screen.getByRole('button', { name: 'Run backtest' }))
    await waitFor(() =>
      expect(screen.getByTestId('precision-interruptions_total').textContent).toBe('0.60')
    )
    expect(request).toHaveBeenLastCalledWith('escalation.backtest', {
      thresholds: {
        ...settings.escalation,
        interruptions: { ...settings.escalation.interruptions, total: 2 }
      }
    })

    const matrix = screen.getByTestId('confusion-matrix')
    fireEvent.click(within(matrix).getByTestId('matrix-cell-tp'))
    expect(open).toHaveBeenCalledWith({ sessionIds: ['S03', 'S09', 'S14'] })
    expect(within(matrix).getByTestId('matrix-cell-fp').hasAttribute('disabled')).toBe(true)
  })
})
