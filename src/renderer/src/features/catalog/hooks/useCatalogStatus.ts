import { useEffect, useState } from 'react'
import type { CatalogStatus, IndexProgress } from '@shared/catalog/catalogStatus'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'
import { useIpcEvent } from '@renderer/app/useIpcEvent'

export interface CatalogStatusState {
  status: CatalogStatus | undefined
  /** The running build's latest step; null when no build runs. */
  progress: IndexProgress | null
  error: IpcError | null
  /** Bumped whenever the sources change, so lists refetch. */
  sourcesVersion: number
}

/** The catalog's status, kept current by main's catalog.changed and indexProgress events. */
export function useCatalogStatus(): CatalogStatusState {
  const [status, setStatus] = useState<CatalogStatus>()
  const [progress, setProgress] = useState<IndexProgress | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const [sourcesVersion, setSourcesVersion] = useState(0)

  useEffect(() => {
    let current = true
    request('catalog.status', {}).then(
      (data) => current && setStatus((known) => known ?? data),
      (failure: unknown) => current && setError(toIpcError('catalog.status', failure))
    )
    return () => {
      current = false
    }
  }, [])
  useIpcEvent('catalog.changed', (next) => {
    setStatus((previous) => {
      if (previous && JSON.stringify(previous.sources) !== JSON.stringify(next.sources))
        setSourcesVersion((v) => v + 1)
      return next
    })
    if (next.index.state !== 'building') setProgress(null)
  })
  useIpcEvent('catalog.indexProgress', setProgress)
  return { status, progress, error, sourcesVersion }
}
