import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest'
import type { IpcError } from '@renderer/app/ipc'
import { mockApi, ok } from '@renderer/test/mockApi'
import { useSessionImport, type ImportedOutcome, type SessionImport } from './useSessionImport'

const picked = ok({ token: 'tok-1', fileName: 'calls.csv' })
const conflicts = ok({
  status: 'rejected',
  fileName: 'calls.csv',
  issues: [{ row: 2, column: 'session_id', reason: 'session_id "S01" is already in the database' }],
  issueCount: 1,
  conflictCount: 1,
  warnings: []
})
const imported = ok({
  status: 'imported',
  fileName: 'calls.csv',
  inserted: 4,
  replaced: 0,
  skipped: 1,
  warnings: []
})

function renderImport(): {
  result: { current: SessionImport }
  onImported: Mock<(outcome: ImportedOutcome) => void>
  onError: Mock<(error: IpcError) => void>
} {
  const onImported = vi.fn<(outcome: ImportedOutcome) => void>()
  const onError = vi.fn<(error: IpcError) => void>()
  const { result } = renderHook(() => useSessionImport({ onImported, onError }))
  return { result, onImported, onError }
}

describe('useSessionImport', () => {
  afterEach(() => Reflect.deleteProperty(window, 'api'))

  it('does nothing when the user cancels the file dialog', async () => {
    const api = mockApi({ 'sessions.pickImportFile': ok(null) })
    const { result, onImported, onError } = renderImport()
    await act(() => result.current.start())
    expect(api).toHaveBeenCalledTimes(1)
    expect(result.current.rejection).toBeNull()
    expect(onImported).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
  })

  it('imports refusing conflicts first, then retries the same file with the chosen policy', async () => {
    const api = mockApi({
      'sessions.pickImportFile': picked,
      'sessions.importFile': [conflicts, imported]
    })
    const { result, onImported } = renderImport()

    await act(() => result.current.start())
    expect(api).toHaveBeenLastCalledWith('sessions.importFile', {
      token: 'tok-1',
      onConflict: 'fail'
    })
    expect(result.current.rejection?.outcome.conflictCount).toBe(1)

    await act(() => result.current.resolveConflicts('skip'))
    expect(api).toHaveBeenLastCalledWith('sessions.importFile', {
      token: 'tok-1',
      onConflict: 'skip'
    })
    expect(result.current.rejection).toBeNull()
    expect(onImported).toHaveBeenCalledWith(imported.ok && imported.data)
  })

  it('reports a failed request instead of throwing', async () => {
    mockApi({
      'sessions.pickImportFile': picked,
      'sessions.importFile': {
        ok: false,
        error: { code: 'failed', message: 'That file is no longer selected: choose it again' }
      }
    })
    const { result, onError } = renderImport()
    await act(() => result.current.start())
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({
        code: 'failed',
        message: 'That file is no longer selected: choose it again'
      })
    )
    expect(result.current.busy).toBe(false)
  })
})
