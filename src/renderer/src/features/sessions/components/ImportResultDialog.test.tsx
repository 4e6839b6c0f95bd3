import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest'
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

    fireEvent.click(screen.getByRole('button', { name: 'Skip existing' }))
    expect(onResolve).toHaveBeenLastCalledWith('skip')
    fireEvent.click(screen.getByRole('button', { name: 'Replace existing' }))
    expect(onResolve).toHaveBeenLastCalledWith('replace')
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onClose).toHaveBeenCalledOnce()
  })
})
