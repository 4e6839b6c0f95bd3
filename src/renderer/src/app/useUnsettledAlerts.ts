import { useState } from 'react'
import { MAX_LISTED_ALERTS } from '@shared/escalation/alertRecords'
import { useIpcEvent } from './useIpcEvent'
import { useRequest } from './useRequest'

/**
 * How many alerts nobody has settled yet (open or acknowledged), kept current as alerts are
 * raised (here or, in team mode, at other desks) and acted on. Null while unknown or unreadable:
 * a badge then shows nothing rather than a wrong number.
 */
export function useUnsettledAlerts(): number | null {
  const [revision, setRevision] = useState(0)
  const reload = (): void => setRevision((r) => r + 1)
  const { data } = useRequest(
    'alerts.list',
    { status: ['open', 'acknowledged'], limit: MAX_LISTED_ALERTS },
    revision
  )
  useIpcEvent('alerts.raised', reload)
  useIpcEvent('team.alertRaised', reload)
  useIpcEvent('alerts.changed', reload)
  return data ? data.length : null
}
