import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionFilter } from '@shared/sessions/sessionQuery'
import { i18next } from '@renderer/i18n'
import { DrillFilterChips } from './DrillFilterChips'

const FILTER: SessionFilter = {
  sentiment: ['negative'],
  latencyP95Ms: { min: 1200, max: 1300 },
  interruptions: { min: 3, max: 3 },
  startedFrom: '2026-11-25',
  startedTo: '2026-11-25',
  sessionIds: ['LIVE-20261125-100000-aaaa', 'LIVE-20261125-150000-bbbb']
}

const labels = () => screen.getAllByTestId(/^drill-chip-/).map((chip) => chip.textContent ?? '')

describe('DrillFilterChips', () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  it('shows each range filter from a chart, and removes one with its cross', () => {
    const onChange = vi.fn()
    render(<DrillFilterChips filter={FILTER} onChange={onChange} />)
    expect(labels()).toEqual([
      'P95 1,200–1,300 ms',
      'Interruptions: 3',
      'Started on Nov 25, 2026',
      '2 chosen sessions'
    ])
    const dateChip = screen.getByTestId('drill-chip-startedFrom')
    fireEvent.click(dateChip.querySelector('svg')!)
    const rest = { ...FILTER }
    delete rest.startedFrom
    delete rest.startedTo
    expect(onChange).toHaveBeenCalledWith(rest)
  })

  it('shows nothing without such filters', () => {
    render(<DrillFilterChips filter={{ sentiment: ['negative'] }} onChange={() => {}} />)
    expect(screen.queryByTestId('drill-filter-chips')).toBeNull()
  })

  it('speaks French, with French numbers and dates', async () => {
    await i18next.changeLanguage('fr')
    render(<DrillFilterChips filter={FILTER} onChange={() => {}} />)
    expect(labels()).toEqual([
      'P95 1\u202f200–1\u202f300 ms',
      'Interruptions : 3',
      'Commencées le 25 nov. 2026',
      '2 sessions choisies'
    ])
  })
})
