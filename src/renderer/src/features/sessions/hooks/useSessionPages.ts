import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type { ListedSession } from '@shared/sessions/latencyScales'
import type { SessionFilter, SessionSort } from '@shared/sessions/sessionQuery'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'
import { SessionPageCache, type FetchSessionPage } from './sessionPageCache'

/** Rows fetched beyond the visible ones, so the next page is usually there before it is seen. */
const PREFETCH_ROWS = 100

export interface SessionPages {
  total: number | null
  error: IpcError | null
  rowAt: (index: number) => ListedSession | undefined
  /** Changes whenever loaded rows change; pass it to the table so rows re-render. */
  version: number
  /** Call with the visible range (TableVirtuoso's rangeChanged). */
  showRange: (range: { startIndex: number; endIndex: number }) => void
}

const fetchSessionPage: FetchSessionPage = ({ filter, sort }, offset, limit) =>
  request('sessions.list', { filter, sort, offset, limit })

/** The sessions of a filter and sort, paged from main as the table scrolls. */
export function useSessionPages(
  filter: SessionFilter,
  sort: SessionSort,
  revision: number
): SessionPages {
  const cache = useMemo(
    () => new SessionPageCache({ filter, sort, revision }, fetchSessionPage),
    [filter, sort, revision]
  )

  // The rows on screen stay until the new query's first page is in, so an import or a filter
  // change does not flash an empty "Loading…" table and jump to the top.
  const [shown, setShown] = useState(cache)
  useEffect(() => {
    void cache.ensureRange(0, cache.pageSize - 1)
    if (shown === cache) return
    const swapWhenReady = (): void => {
      if (cache.total !== null || cache.error !== null) setShown(cache)
    }
    swapWhenReady()
    return cache.subscribe(swapWhenReady)
  }, [cache, shown])

  const version = useSyncExternalStore(shown.subscribe, shown.getVersion)
  const showRange = useCallback(
    ({ startIndex, endIndex }: { startIndex: number; endIndex: number }) =>
      void shown.ensureRange(startIndex - PREFETCH_ROWS, endIndex + PREFETCH_ROWS),
    [shown]
  )
  const rowAt = useCallback((index: number) => shown.rowAt(index), [shown])

  const error = shown.error === null ? null : toIpcError('sessions.list', shown.error)
  return { total: shown.total, error, rowAt, version, showRange }
}
