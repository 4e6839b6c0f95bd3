import { useEffect, useRef, useState } from 'react'
import type { CatalogStatus, IndexProgress } from '@shared/catalog/catalogStatus'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'
import { useIpcEvent } from '@renderer/app/useIpcEvent'

/**
 * How long a finished build's full bar stays up. A rebuild of the shipped catalog takes tens of
 * milliseconds: without the hold its bar would flash (or never paint) and the user could not
 * tell that it ran.
 */
export const FINISHED_HOLD_MS = 800

export interface CatalogStatusState {
  status: CatalogStatus | undefined
  /** The running build's latest step; null when no build runs. */
  progress: IndexProgress | null
  /** A build this screen watched just succeeded, the index still ready (for FINISHED_HOLD_MS). */
  justFinished: boolean
  error: IpcError | null
  /** Bumped whenever the sources change, so lists refetch. */
  sourcesVersion: number
}

/** The catalog's status, kept current by main's catalog.changed and indexProgress events. */
export function useCatalogStatus(): CatalogStatusState {
  const [status, setStatus] = useState<CatalogStatus>()
  const [progress, setProgress] = useState<IndexProgress | null>(null)
  const [justFinished, setJustFinished] = useState(false)
  const [error, setError] = useState<IpcError | null>(null)
  const [sourcesVersion, setSourcesVersion] = useState(0)
  const lastState = useRef<CatalogStatus['index']['state'] | undefined>(undefined)
  const holdTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    let current = true
    request('catalog.status', {}).then(
      (data) => {
        if (!current) return
        setStatus((known) => known ?? data)
        lastState.current ??= data.index.state
      },
      (failure: unknown) => current && setError(toIpcError('catalog.status', failure))
    )
    return () => {
      current = false
      clearTimeout(holdTimer.current)
    }
  }, [])
  useIpcEvent('catalog.changed', (next) => {
    setStatus((previous) => {
      if (previous && JSON.stringify(previous.sources) !== JSON.stringify(next.sources))
        setSourcesVersion((v) => v + 1)
      return next
    })
    const state = next.index.state
    if (state !== 'building') setProgress(null)
    if (state !== 'ready') {
      // Another build, an import or a failure: the success shown is no longer the news.
      clearTimeout(holdTimer.current)
      setJustFinished(false)
    } else if (lastState.current === 'building') {
      setJustFinished(true)
      clearTimeout(holdTimer.current)
      holdTimer.current = setTimeout(() => setJustFinished(false), FINISHED_HOLD_MS)
    }
    lastState.current = state
  })
  useIpcEvent('catalog.indexProgress', setProgress)
  return { status, progress, justFinished, error, sourcesVersion }
}
