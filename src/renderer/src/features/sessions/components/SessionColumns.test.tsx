import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { i18next, labValueLabeller } from '@renderer/i18n'
import type { ListedSession } from '@shared/sessions/latencyScales'
import { useShownColumns } from '../hooks/useShownColumns'
import { ColumnChooser } from './ColumnChooser'
import { compactSessionId } from './compactSessionId'
import { fitColumns } from './fitColumns'
import { DEFAULT_COLUMN_KEYS, SESSION_COLUMNS, SAID_COLUMN } from './sessionColumns'
import { SessionRowCells } from './SessionRowCells'

const columnsOf = (keys: readonly string[]) => SESSION_COLUMNS.filter((c) => keys.includes(c.key))
const widthOf = (keys: readonly string[]) => columnsOf(keys).reduce((sum, c) => sum + c.width, 0)

function Chooser(): React.JSX.Element {
  const shown = useShownColumns()
  return (
    <>
      <ColumnChooser shown={shown} />
      <output data-testid="keys">{shown.keys.join(',')}</output>
    </>
  )
}

const row: ListedSession = {
  session_id: 'LIVE-20261206-143012-a3f9',
  scenario: 'complaint',
  duration_sec: 61,
  latency_p50_ms: 410,
  latency_p95_ms: 700,
  interruptions: 2,
  turns: 6,
  sentiment: 'negative',
  model: 'gpt-realtime',
  rag_used: true,
  language: 'es',
  started_at: '2026-12-06T14:30:12.000Z',
  ended_at: null,
  source: 'live',
  at_ear_p50_ms: null,
  at_ear_p95_ms: null,
  backchannels: null,
  echo_suspects: null,
  tool_calls: null,
  tool_ms_p50: null,
  input_tokens: null,
  output_tokens: null,
  cost_usd: null,
  escalated: true,
  alerts: { sessionId: 'x', count: 3, worstSeverity: 'critical', worstRule: 'human_request' },
  said: {
    sessionId: 'x',
    speaker: 'caller',
    parts: [
      { text: '¿Dónde está mi ', hit: false },
      { text: 'pedido', hit: true }
    ]
  }
}

describe('Sessions columns', () => {
  beforeEach(() => localStorage.clear())
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  it('fits the default columns in a 1024 px window (902 px of table, less a scroll bar)', () => {
    expect(widthOf(DEFAULT_COLUMN_KEYS)).toBeLessThanOrEqual(885)
    const all = fitColumns(columnsOf(DEFAULT_COLUMN_KEYS), 902 - 17)
    expect(all.hidden).toEqual([])
  })

  it('lets the chosen columns that give way first go when the table is too narrow, never the id', () => {
    const chosen = columnsOf(SESSION_COLUMNS.map((c) => c.key))
    const fitted = fitColumns(chosen, 870)
    expect(fitted.shown.reduce((sum, c) => sum + c.width, 0)).toBeLessThanOrEqual(885)
    expect(fitted.shown[0]?.key).toBe('session_id')
    // The lab's P50 goes before the alerts do.
    expect(fitted.hidden.map((c) => c.key)).toContain('latency_p50_ms')
    expect(fitted.shown.map((c) => c.key)).toContain('alerts')
    // Room kept for the match column while searching what was said.
    const searching = fitColumns(columnsOf(DEFAULT_COLUMN_KEYS), 870, 240)
    expect(searching.shown.reduce((sum, c) => sum + c.width, 0)).toBeLessThanOrEqual(630)
    expect(fitColumns([SESSION_COLUMNS[0]!], 10).shown).toHaveLength(1)
    expect(fitColumns(chosen, null).hidden).toEqual([])
  })

  it('folds the middle of a long id only, keeping what tells calls of one day apart', () => {
    expect(compactSessionId('S01')).toEqual({ head: 'S01', middle: '', tail: '' })
    const live = compactSessionId('LIVE-20261206-143012-a3f9')
    expect(live).toEqual({ head: 'LIVE-', middle: '20261206-', tail: '143012-a3f9' })
    expect(live.head + live.middle + live.tail).toBe('LIVE-20261206-143012-a3f9')
  })

  it('keeps the chosen columns for this desk; the menu works from the keyboard', () => {
    const { unmount } = render(<Chooser />)
    expect(screen.getByTestId('keys').textContent).toBe(
      SESSION_COLUMNS.map((c) => c.key)
        .filter((k) => DEFAULT_COLUMN_KEYS.includes(k))
        .join(',')
    )
    const button = screen.getByRole('button', { name: 'Columns' })
    button.focus()
    fireEvent.click(button)
    const menu = screen.getByRole('menu', { name: 'Columns to show' })
    const model = within(menu).getByRole('menuitemcheckbox', { name: /Model/ })
    expect(model.getAttribute('aria-checked')).toBe('false')
    // Enter ticks the focused column, as a click does.
    fireEvent.keyDown(model, { key: 'Enter' })
    expect(screen.getByTestId('keys').textContent).toContain('model')
    fireEvent.click(within(menu).getByRole('menuitemcheckbox', { name: /Escalated/ }))
    expect(screen.getByTestId('keys').textContent).not.toContain('escalated')
    // The id cannot be hidden.
    const id = within(menu).getByRole('menuitemcheckbox', { name: /Session ID/ })
    expect(id.getAttribute('aria-disabled')).toBe('true')
    unmount()
    render(<Chooser />)
    expect(screen.getByTestId('keys').textContent).toContain('model')
    expect(screen.getByTestId('keys').textContent).not.toContain('escalated')
    fireEvent.click(screen.getByRole('button', { name: 'Columns' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Default columns' }))
    expect(screen.getByTestId('keys').textContent).not.toContain('model')
  })

  it('shows the whole id, the alerts, the escalation and the match in Spanish', async () => {
    await i18next.changeLanguage('es')
    render(
      <table>
        <tbody>
          <tr>
            <SessionRowCells
              columns={[...columnsOf(['session_id', 'alerts', 'escalated']), SAID_COLUMN]}
              session={row}
              valueLabel={labValueLabeller(i18next.getFixedT(null, 'common'), 'en')}
            />
          </tr>
        </tbody>
      </table>
    )
    const id = screen.getByTestId('session-id')
    expect(id.textContent).toBe('LIVE-20261206-143012-a3f9')
    expect(id.getAttribute('title')).toBe('LIVE-20261206-143012-a3f9')
    expect(screen.getByRole('button', { name: 'Copiar el ID de sesión LIVE-20261206-143012-a3f9' }))
    const alerts = screen.getByTestId('alerts-cell')
    expect(alerts.textContent).toBe('3Pide persona')
    expect(alerts.getAttribute('title')).toBe(
      '3 alertas; la peor: El cliente pide hablar con una persona (crítica)'
    )
    expect(screen.getByTestId('escalated').textContent).toBe('Sí')
    const said = screen.getByTestId('said-snippet')
    expect(said.textContent).toBe('Cliente:¿Dónde está mi pedido')
    expect(within(said).getByText('pedido').tagName).toBe('MARK')
  })
})
