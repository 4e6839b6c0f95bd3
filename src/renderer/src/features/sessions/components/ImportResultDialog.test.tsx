import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest'
import { problemsFileName } from '@renderer/components/problemsFileName'
import { i18next } from '@renderer/i18n'
import type { ConflictChoice, RejectedOutcome } from '../hooks/useSessionImport'
import { ImportResultDialog } from './ImportResultDialog'

const rejected = (overrides: Partial<RejectedOutcome>): RejectedOutcome => ({
  status: 'rejected',
  fileName: 'calls.csv',
  issues: [],
  issueCount: 0,
  conflictCount: 0,
  warnings: [],
  ...overrides
})

const conflict = (row: number, id: string): RejectedOutcome['issues'][number] => ({
  row,
  column: 'session_id',
  reason: `session_id "${id}" is already in the database`
})

function renderDialog(outcome: RejectedOutcome): {
  onResolve: Mock<(choice: ConflictChoice) => void>
  onClose: Mock<() => void>
} {
  const onResolve = vi.fn<(choice: ConflictChoice) => void>()
  const onClose = vi.fn<() => void>()
  render(
    <ImportResultDialog outcome={outcome} busy={false} onResolve={onResolve} onClose={onClose} />
  )
  return { onResolve, onClose }
}

describe('ImportResultDialog', () => {
  afterEach(cleanup)

  it('lists every problem of a broken file and offers no way around them', () => {
    renderDialog(
      rejected({
        issues: [
          { row: 2, column: 'duration_sec', reason: 'not a number: "abc"' },
          conflict(3, 'S01')
        ],
        issueCount: 2,
        conflictCount: 1
      })
    )
    const dialog = screen.getByRole('dialog', {
      name: 'calls.csv was not imported — nothing was changed'
    })
    const items = within(screen.getByTestId('import-issues')).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      'row 2, column duration_sec: not a number: "abc"',
      'row 3, column session_id: session_id "S01" is already in the database'
    ])
    expect(within(dialog).getByText('2 problems found. Fix the file and import it again.'))
    expect(within(dialog).queryByRole('button', { name: 'Skip existing' })).toBeNull()
    expect(within(dialog).queryByRole('button', { name: 'Replace existing' })).toBeNull()
    expect(within(dialog).getByRole('button', { name: 'Close' }))
  })

  it('says how many problems were not listed', () => {
    renderDialog(
      rejected({
        issues: [{ row: 2, column: 'turns', reason: 'empty value' }],
        issueCount: 501
      })
    )
    expect(screen.getByRole('list')).toBe(screen.getByTestId('import-issues'))
    expect(screen.getByText('and 500 more'))
  })

  it('offers skip or replace when the only problems are ids already stored', () => {
    const { onResolve, onClose } = renderDialog(
      rejected({
        issues: [conflict(2, 'S01'), conflict(3, 'S02')],
        issueCount: 2,
        conflictCount: 2,
        warnings: [
          { column: 'language', message: 'unknown value "de" accepted', count: 1, firstRows: [4] }
        ]
      })
    )
    expect(screen.getByText(/^2 sessions already exist in the database\./))
    expect(screen.getByText('column language: unknown value "de" accepted (rows 4)'))

    // Skipping changes nothing stored: it is the highlighted, focused default; Replace is not.
    const skip = screen.getByRole('button', { name: 'Skip existing' })
    const replace = screen.getByRole('button', { name: 'Replace existing' })
    expect(document.activeElement).toBe(skip)
    expect(skip.className).toContain('MuiButton-contained')
    expect(replace.className).not.toContain('MuiButton-contained')
    expect(replace.className).toContain('MuiButton-colorError')
    fireEvent.click(skip)
    expect(onResolve).toHaveBeenLastCalledWith('skip')
    fireEvent.click(screen.getByRole('button', { name: 'Replace existing' }))
    expect(onResolve).toHaveBeenLastCalledWith('replace')
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onClose).toHaveBeenCalledOnce()
  })
})

describe('ImportResultDialog: the problem list leaves the dialog', () => {
  const outcome = rejected({
    fileName: 'calls.csv',
    issues: [
      { row: 2, column: 'duration_sec', reason: 'not a number: "abc"' },
      { row: 7, column: 'turns', reason: 'empty value' }
    ],
    issueCount: 502,
    warnings: [
      { column: 'language', message: 'unknown value "de" accepted', count: 3, firstRows: [4, 9] }
    ]
  })
  const REPORT = [
    'calls.csv was not imported — nothing was changed',
    '502 problems found. Fix the file and import it again.',
    '',
    'row 2, column duration_sec: not a number: "abc"',
    'row 7, column turns: empty value',
    'and 500 more',
    '',
    'Warnings',
    'column language: unknown value "de" accepted ×3 (rows 4, 9, …)',
    ''
  ].join('\n')

  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
    Reflect.deleteProperty(navigator, 'clipboard')
  })

  const clipboard = (writeText: (text: string) => Promise<void>): void => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
  }

  it('copies the whole report, as the dialog words it, and says so', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>(async () => undefined)
    clipboard(writeText)
    renderDialog(outcome)
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }))
    expect(await screen.findByText('Copied to the clipboard.'))
    expect(writeText).toHaveBeenCalledWith(REPORT)
  })

  it('says when the clipboard refuses, and points to saving instead', async () => {
    clipboard(async () => {
      throw new Error('NotAllowedError')
    })
    renderDialog(outcome)
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('use Save as text instead')
    )
  })

  it('saves the same report as a text file named after the CSV', () => {
    const saved: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      saved.push({ href: this.href, download: this.download })
    })
    renderDialog(outcome)
    fireEvent.click(screen.getByRole('button', { name: 'Save as text' }))
    expect(saved).toHaveLength(1)
    expect(saved[0]!.download).toBe('calls-problems.txt')
    const [head, body] = saved[0]!.href.split(',', 2)
    expect(head).toBe('data:text/plain;charset=utf-8')
    expect(decodeURIComponent(body!)).toBe(REPORT)
    expect(problemsFileName('export.2026.CSV')).toBe('export.2026-problems.txt')
    expect(problemsFileName('.csv')).toBe('import-problems.txt')
  })
})

describe('ImportResultDialog in Spanish and French', () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  const coded = rejected({
    issues: [
      {
        row: 12,
        column: 'latency_p95_ms',
        reason: 'P95 (170.5) is below P50 (185)',
        code: 'p95BelowP50',
        params: { p95: 170.5, p50: 185 }
      },
      {
        row: 13,
        column: 'rag_used',
        reason: 'not a boolean: "maybe"',
        code: 'notABoolean',
        params: { value: 'maybe' }
      },
      // A problem a newer main could send: the UI has no words for it yet.
      { row: 14, column: 'turns', reason: 'too many turns', code: 'tooManyTurns' as never }
    ],
    issueCount: 1234,
    warnings: [
      {
        column: 'language',
        message: 'unknown value "de" accepted',
        count: 3,
        firstRows: [4, 9],
        code: 'unknownValueAccepted',
        params: { value: 'de' }
      }
    ]
  })
  const listed = () =>
    within(screen.getByTestId('import-issues'))
      .getAllByRole('listitem')
      .map((item) => item.textContent)

  it("lists main's problems in Spanish, with decimal commas and the cells' own text", async () => {
    await i18next.changeLanguage('es')
    renderDialog(coded)
    expect(listed()).toEqual([
      'fila 12, columna latency_p95_ms: P95 (170,5) es menor que P50 (185)',
      'fila 13, columna rag_used: no es un valor lógico: «maybe»',
      'fila 14, columna turns: too many turns'
    ])
    expect(screen.getByText('columna language: valor desconocido «de» aceptado ×3 (filas 4, 9, …)'))
    // Spanish groups from five digits: 1234 stays whole.
    expect(
      screen.getByText('Se encontraron 1234 problemas. Corrija el archivo e impórtelo de nuevo.')
    )
    expect(screen.getByText('y 1231 más'))
  })

  it("lists them in French, falling back to main's English for an unknown code", async () => {
    await i18next.changeLanguage('fr')
    renderDialog(coded)
    expect(listed()).toEqual([
      'ligne 12, colonne latency_p95_ms\u00a0: P95 (170,5) est inférieur à P50 (185)',
      "ligne 13, colonne rag_used\u00a0: n'est pas un booléen\u00a0: «\u00a0maybe\u00a0»",
      'ligne 14, colonne turns\u00a0: too many turns'
    ])
    // French groups thousands with a narrow no-break space (kept: no whitespace normalising).
    expect(screen.getByText('et 1\u202f231 de plus', { normalizer: (text) => text }))
  })
})
