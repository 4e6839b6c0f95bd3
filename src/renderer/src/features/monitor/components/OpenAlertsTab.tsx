import { useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useIpcEvent } from '@renderer/app/useIpcEvent'
import { useRequest } from '@renderer/app/useRequest'
import { AlertCard } from './AlertCard'

/** Open alerts across calls, newest first, with the supervisor's actions. */
export function OpenAlertsTab(): JSX.Element {
  const [revision, setRevision] = useState(0)
  const { data, error } = useRequest('alerts.list', { status: 'open' }, revision)
  const reload = (): void => setRevision((r) => r + 1)
  useIpcEvent('alerts.raised', reload)
  if (error) return <IpcErrorAlert error={error} onRetry={reload} />
  if (!data) return <Typography color="text.secondary">Loading alerts…</Typography>
  if (data.length === 0)
    return (
      <Alert severity="info" data-testid="alerts-empty">
        No open alerts. Alerts come from live calls: while a call runs, the escalation rules watch
        its interruptions, the caller&apos;s words, latency and tool results, and an alert appears
        here as soon as a rule fires. Tune the rules on the Rules tab.
      </Alert>
    )
  return (
    <Stack spacing={1.5} data-testid="alerts-list">
      {data.map((alert) => (
        <AlertCard key={alert.alertId} alert={alert} onActed={reload} />
      ))}
    </Stack>
  )
}
