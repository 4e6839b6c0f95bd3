import type { JSX } from 'react'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useRequest } from '@renderer/app/useRequest'
import { ReportFilterBar } from './ReportFilterBar'

interface FacetedFilterBarProps {
  revision: number
  onRetry: () => void
}

/**
 * The filter bar with the values the database holds. ReportsScreen mounts it once the figures
 * have arrived: listing the values is a pass over every session in main, and the charts come
 * first.
 */
export function FacetedFilterBar({ revision, onRetry }: FacetedFilterBarProps): JSX.Element {
  const facets = useRequest('sessions.facets', {}, revision)
  return (
    <>
      {facets.error && <IpcErrorAlert error={facets.error} onRetry={onRetry} />}
      <ReportFilterBar facets={facets.data} />
    </>
  )
}
