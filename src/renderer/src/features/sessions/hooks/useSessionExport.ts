import { useState } from 'react'
import type { SessionFilter } from '@shared/sessions/sessionQuery'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'

interface SessionExportCallbacks {
  onSaved: (saved: { path: string; rows: number }) => void
  onError: (error: IpcError) => void
}

export interface SessionExport {
  busy: boolean
  exportCsv: (filter: SessionFilter, extended: boolean) => Promise<void>
}

/** Exports the filtered sessions; main asks where to save, so cancelling is a normal outcome. */
export function useSessionExport({ onSaved, onError }: SessionExportCallbacks): SessionExport {
  const [busy, setBusy] = useState(false)

  const exportCsv = async (filter: SessionFilter, extended: boolean): Promise<void> => {
    setBusy(true)
    try {
      const result = await request('sessions.exportCsv', { filter, extended })
      if (result.status === 'saved') onSaved(result)
    } catch (error) {
      onError(toIpcError('sessions.exportCsv', error))
    } finally {
      setBusy(false)
    }
  }

  return { busy, exportCsv }
}
