import { useState } from 'react'
import type { ImportOutcome } from '@shared/sessions/importOutcome'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'

export type ImportedOutcome = Extract<ImportOutcome, { status: 'imported' }>
export type RejectedOutcome = Extract<ImportOutcome, { status: 'rejected' }>
export type ConflictChoice = 'skip' | 'replace'

/** A rejected file, with the token that lets the user retry it without picking it again. */
export interface Rejection {
  token: string
  outcome: RejectedOutcome
}

interface SessionImportCallbacks {
  onImported: (outcome: ImportedOutcome) => void
  onError: (error: IpcError) => void
}

export interface SessionImport {
  busy: boolean
  /** The file last refused, until the user resolves or dismisses it. */
  rejection: Rejection | null
  start: () => Promise<void>
  resolveConflicts: (choice: ConflictChoice) => Promise<void>
  dismiss: () => void
}

/** Pick → import (refusing conflicts) → on pure conflicts, retry with skip or replace. */
export function useSessionImport({ onImported, onError }: SessionImportCallbacks): SessionImport {
  const [busy, setBusy] = useState(false)
  const [rejection, setRejection] = useState<Rejection | null>(null)

  const importToken = async (token: string, onConflict: 'fail' | ConflictChoice): Promise<void> => {
    const outcome = await request('sessions.importFile', { token, onConflict })
    if (outcome.status === 'imported') {
      setRejection(null)
      onImported(outcome)
    } else {
      setRejection({ token, outcome })
    }
  }

  const run = async (
    route: 'sessions.pickImportFile' | 'sessions.importFile',
    work: () => Promise<void>
  ): Promise<void> => {
    setBusy(true)
    try {
      await work()
    } catch (error) {
      onError(toIpcError(route, error))
    } finally {
      setBusy(false)
    }
  }

  const start = (): Promise<void> =>
    run('sessions.pickImportFile', async () => {
      const picked = await request('sessions.pickImportFile', {})
      if (picked === null) return // the user closed the dialog
      await importToken(picked.token, 'fail')
    })

  const resolveConflicts = (choice: ConflictChoice): Promise<void> =>
    run('sessions.importFile', async () => {
      if (rejection) await importToken(rejection.token, choice)
    })

  return { busy, rejection, start, resolveConflicts, dismiss: () => setRejection(null) }
}
