import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { computeLabReportPage } from '@shared/analytics/labReport'
import type { StoredSession } from '@shared/sessions/labSchema'
import { i18next, labValueLabeller } from '@renderer/i18n'
import { ImportResultDialog } from './ImportResultDialog'
import { LabSummaryPanel } from './LabSummaryPanel'
import { SessionRowCells } from './SessionRowCells'
import { SESSION_COLUMNS } from './sessionColumns'

const stored: StoredSession = {
  session_id: 'S42',
  scenario: 'product_inquiry',
  duration_sec: 12345.5,
  latency_p50_ms: 85,
  latency_p95_ms: 240,
  interruptions: 3,
  turns: 8,
  sentiment: 'negative',
  model: 'gpt-realtime',
  rag_used: true,
  language: 'es',
  started_at: '2026-11-25T19:30:00.000Z',
  ended_at: null,
  source: 'live'
} as StoredSession

/** The labeller SessionsTable hands its rows, in the language the test set. */
const label = () =>
  labValueLabeller(i18next.getFixedT(null, 'common'), i18next.resolvedLanguage ?? 'en')

const figure = (testId: string): string | null => screen.getByTestId(testId).textContent

describe('Sessions screen in Spanish and French', () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  it("prints the lab's figures with French labels and decimal commas", async () => {
    await i18next.changeLanguage('fr')
    const report = computeLabReportPage(
      [stored, { ...stored, session_id: 'S43', rag_used: false }],
      0
    )
    render(<LabSummaryPanel report={report} loading />)
    expect(screen.getByRole('region', { name: 'Synthèse du labo' })).toBeTruthy()
    expect(screen.getByText('P50 moyen (ms)')).toBeTruthy()
    expect(screen.getByText('Lentes (P95 > 200 ms)')).toBeTruthy()
    expect(figure('kpi-avg-p95')).toBe('240,0')
    expect(figure('kpi-interruptions-negative')).toBe('3,00')
    // French puts a no-break space before the percent sign.
    expect(figure('kpi-rag')).toMatch(/^50\s%$/)
    expect(screen.getByRole('progressbar', { name: 'Mise à jour de la synthèse' })).toBeTruthy()
  })

  it('shows a row in Spanish: the lab codes in words, numbers and dates formatted', async () => {
    await i18next.changeLanguage('es')
    render(
      <table>
        <tbody>
          <tr>
            <SessionRowCells columns={SESSION_COLUMNS} session={stored} valueLabel={label()} />
          </tr>
        </tbody>
      </table>
    )
    const cells = screen.getAllByRole('cell').map((cell) => cell.textContent)
    expect(cells.slice(0, 4)).toEqual(['S42', '25/11/26, 19:30', 'Producto', '12.345,5'])
    expect(cells).toContain('negativo')
    expect(cells).toContain('español')
    expect(cells).toContain('Llamada en vivo')
    // The stored code stays within reach: it is what filters, exports and the CLI use.
    expect(screen.getByText('Producto').getAttribute('title')).toBe(
      'Consulta de producto (product_inquiry)'
    )
    expect(cells).toContain('Sí')
    // A live call's P95 of 240 ms to first audio is not slow: its threshold is live calls'.
    expect(screen.queryByTestId('slow-p95')).toBeNull()
    cleanup()
    render(
      <table>
        <tbody>
          <tr>
            <SessionRowCells
              columns={SESSION_COLUMNS}
              session={{ ...stored, source: 'import' }}
              valueLabel={label()}
            />
          </tr>
        </tbody>
      </table>
    )
    expect(screen.getByTestId('slow-p95').getAttribute('title')).toBe(
      'Lenta: P95 por encima de 200 ms'
    )
    expect(document.querySelector('[data-sentiment="negative"]')).not.toBeNull()
  })

  it('shows "—" for the latency of a call with no counted turn, saying why', async () => {
    await i18next.changeLanguage('fr')
    const noTurn = { ...stored, latency_p50_ms: 0, latency_p95_ms: 0, noCountedTurn: true as const }
    render(
      <table>
        <tbody>
          <tr>
            <SessionRowCells columns={SESSION_COLUMNS} session={noTurn} valueLabel={label()} />
          </tr>
        </tbody>
      </table>
    )
    const cells = screen.getAllByTestId('no-turn')
    expect(cells.map((cell) => cell.textContent)).toEqual(['—', '—'])
    expect(cells[0]!.getAttribute('title')).toMatch(/^Aucun tour compté : l’appel s’est terminé/)
  })

  it('explains a refused import in Spanish around the file name', async () => {
    await i18next.changeLanguage('es')
    render(
      <ImportResultDialog
        outcome={{
          status: 'rejected',
          fileName: 'llamadas.csv',
          issues: [],
          issueCount: 1500,
          conflictCount: 0,
          warnings: []
        }}
        busy={false}
        onResolve={vi.fn()}
        onClose={vi.fn()}
      />
    )
    const dialog = screen.getByRole('dialog', {
      name: 'llamadas.csv no se importó: no se cambió nada'
    })
    expect(dialog.textContent).toContain(
      'Se encontraron 1500 problemas. Corrija el archivo e impórtelo de nuevo.'
    )
    expect(dialog.textContent).toContain('y 1500 más')
    expect(within(dialog).getByRole('button', { name: 'Cerrar' })).toBeTruthy()
  })
})
