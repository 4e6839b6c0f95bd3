import { useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import FormControlLabel from '@mui/material/FormControlLabel'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import type { StoredAlert } from '@shared/escalation/alertRecords'
import { RULES } from '@shared/escalation/rules'
import { request } from '@renderer/app/ipc'
import { useIpcEvent } from '@renderer/app/useIpcEvent'
import { playAlertCue } from './alertCue'

const SEVERITY = { info: 'info', warning: 'warning', critical: 'error' } as const

/**
 * The escalation rules' alerts for the call on screen (main runs the rules on what it records):
 * the reason and its evidence, a short cue unless muted, and the supervisor's first actions.
 * Alerts from before this call started are not shown here (Monitor lists every open alert).
 */
export function LiveAlertBanner({
  callStartedAt,
  onStopAgent
}: {
  callStartedAt: number | null
  onStopAgent: () => void
}): JSX.Element | null {
  const [raised, setRaised] = useState<StoredAlert[]>([])
  const [cue, setCue] = useState(true)
  // The handler is an effect event: it always sees the current call and sound switch.
  useIpcEvent('alerts.raised', (alert) => {
    if (callStartedAt === null || Date.parse(alert.raisedAt) < callStartedAt) return
    setRaised((shown) => [alert, ...shown])
    if (cue) playAlertCue(alert.severity)
  })
  const alerts = raised.filter(
    (alert) => callStartedAt !== null && Date.parse(alert.raisedAt) >= callStartedAt
  )
  const latest = alerts[0]
  if (!latest) return null
  const quote = latest.evidence.items.find((item) => item.quote)?.quote
  const acknowledge = (): void => {
    void request('alerts.act', { alertId: latest.alertId, action: 'acknowledge' }).finally(() =>
      setRaised((shown) => shown.filter((alert) => alert.alertId !== latest.alertId))
    )
  }
  return (
    <Alert
      severity={SEVERITY[latest.severity]}
      data-testid="live-alert"
      action={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Button color="inherit" size="small" onClick={onStopAgent}>
            Stop agent speaking
          </Button>
          <Button color="inherit" size="small" onClick={acknowledge}>
            Acknowledge
          </Button>
          <FormControlLabel
            control={<Switch size="small" checked={cue} onChange={(_, on) => setCue(on)} />}
            label="Sound"
          />
        </Stack>
      }
    >
      <AlertTitle>
        {RULES[latest.rule].label}
        {alerts.length > 1 ? ` (+${alerts.length - 1} more)` : ''}
      </AlertTitle>
      {latest.reason}
      {quote ? ` — “${quote}”` : ''}
    </Alert>
  )
}
