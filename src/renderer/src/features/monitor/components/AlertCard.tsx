import { useState, type JSX } from 'react'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'
import type { AlertAction, StoredAlert } from '@shared/escalation/alertRecords'
import { RULES } from '@shared/escalation/rules'

const SEVERITY_COLOR = { info: 'info', warning: 'warning', critical: 'error' } as const

/** One open alert: why it fired, its evidence, and acknowledge / dismiss (with reason) / escalate. */
export function AlertCard({
  alert,
  onActed
}: {
  alert: StoredAlert
  onActed: () => void
}): JSX.Element {
  const [reason, setReason] = useState<string | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const act = (action: AlertAction): void => {
    request('alerts.act', action).then(onActed, (e: unknown) =>
      setError(toIpcError('alerts.act', e))
    )
  }
  const quotes = alert.evidence.items.filter((i) => i.quote)
  return (
    <Paper sx={{ p: 2 }} data-testid={`alert-${alert.alertId}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Chip size="small" color={SEVERITY_COLOR[alert.severity]} label={alert.severity} />
        <Typography sx={{ fontWeight: 600 }}>{RULES[alert.rule].label}</Typography>
        <Typography color="text.secondary" variant="body2">
          {alert.sessionId} · {new Date(alert.raisedAt).toLocaleString()}
        </Typography>
      </Stack>
      <Typography>{alert.reason}</Typography>
      {quotes.map((item, i) => (
        <Typography key={i} variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
          {item.turnIndex !== null ? `Turn ${item.turnIndex}: ` : ''}“{item.quote}”
        </Typography>
      ))}
      {error && <IpcErrorAlert error={error} onClose={() => setError(null)} />}
      <Stack direction="row" spacing={1} sx={{ mt: 1.5, alignItems: 'center' }}>
        <Button size="small" onClick={() => act({ alertId: alert.alertId, action: 'acknowledge' })}>
          Acknowledge
        </Button>
        {reason === null ? (
          <Button size="small" onClick={() => setReason('')}>
            Dismiss…
          </Button>
        ) : (
          <>
            <TextField
              size="small"
              label="Why dismiss?"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button
              size="small"
              disabled={reason.trim() === ''}
              onClick={() => act({ alertId: alert.alertId, action: 'dismiss', reason })}
            >
              Dismiss
            </Button>
          </>
        )}
        <Button
          size="small"
          variant="contained"
          color="warning"
          onClick={() => act({ alertId: alert.alertId, action: 'escalate' })}
        >
          Escalate
        </Button>
      </Stack>
    </Paper>
  )
}
