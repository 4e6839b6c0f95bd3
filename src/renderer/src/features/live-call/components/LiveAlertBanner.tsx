import { useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import FormControlLabel from '@mui/material/FormControlLabel'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { AlertActionKind, StoredAlert } from '@shared/escalation/alertRecords'
import { useIpcEvent } from '@renderer/app/useIpcEvent'
import {
  AlertActionBar,
  HandoffNoteDialog,
  type LiveCallControls,
  playAlertCue
} from '@renderer/components/alert-actions'
import { numberFormat } from '@renderer/i18n'
import { useLiveCallStore } from '../store/liveCallStore'

const SEVERITY = { info: 'info', warning: 'warning', critical: 'error' } as const

/**
 * The escalation rules' alerts for the call on screen (main runs the rules on what it records):
 * the reason and its evidence, a short cue unless muted, and the supervisor's actions (instruct,
 * stop, end call while the call runs; acknowledge, dismiss, escalate until settled).
 * Alerts from before this call started are not shown here (Monitor lists every open alert).
 */
export function LiveAlertBanner({
  callStartedAt,
  onStopAgent
}: {
  callStartedAt: number | null
  onStopAgent: () => void
}): JSX.Element | null {
  const { t } = useTranslation('monitor')
  const call = useLiveCallStore(
    useShallow((s) => ({ phase: s.phase, instruct: s.instruct, hangup: s.hangup }))
  )
  const [raised, setRaised] = useState<StoredAlert[]>([])
  const [cue, setCue] = useState(true)
  const [handoff, setHandoff] = useState<string | null>(null)
  // The handler is an effect event: it always sees the current call and sound switch.
  useIpcEvent('alerts.raised', (alert) => {
    if (callStartedAt === null || Date.parse(alert.raisedAt) < callStartedAt) return
    setRaised((shown) => [alert, ...shown])
    if (cue) playAlertCue(alert.severity)
  })
  // A supervisor acted on one of these alerts (at another desk in team mode): shown as it is now.
  useIpcEvent('alerts.changed', ({ alert: changed }) => {
    if (changed)
      setRaised((shown) =>
        shown.map((alert) => (alert.alertId === changed.alertId ? changed : alert))
      )
  })
  const alerts = raised.filter(
    (alert) => callStartedAt !== null && Date.parse(alert.raisedAt) >= callStartedAt
  )
  const latest = alerts[0]
  if (!latest) return null
  const quote = latest.evidence.items.find((item) => item.quote)?.quote
  const live: LiveCallControls | null =
    call.phase === 'in_call'
      ? { instruct: call.instruct, stopAgent: onStopAgent, endCall: call.hangup }
      : null
  // Acknowledged or dismissed: handled, off the banner. Other actions keep it up to date.
  const acted = (updated: StoredAlert, action: AlertActionKind): void =>
    setRaised((shown) =>
      action === 'acknowledge' || action === 'dismiss'
        ? shown.filter((alert) => alert.alertId !== updated.alertId)
        : shown.map((alert) => (alert.alertId === updated.alertId ? updated : alert))
    )
  return (
    <Alert severity={SEVERITY[latest.severity]} data-testid="live-alert">
      <AlertTitle>
        {t(`rules.${latest.rule}`)}
        {alerts.length > 1
          ? ` ${t('banner.more', { count: alerts.length - 1, n: numberFormat().format(alerts.length - 1) })}`
          : ''}
        {latest.status === 'open'
          ? ''
          : ` · ${t(`banner.status.${latest.status}`, { by: latest.actionBy ?? '' })}`}
      </AlertTitle>
      {latest.reason}
      {quote ? ` — “${quote}”` : ''}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
        <AlertActionBar
          key={latest.alertId}
          alert={latest}
          live={live}
          onActed={acted}
          onHandoff={setHandoff}
          color="inherit"
        />
        <FormControlLabel
          control={<Switch size="small" checked={cue} onChange={(_, on) => setCue(on)} />}
          label={t('banner.sound')}
        />
      </Stack>
      <HandoffNoteDialog note={handoff} onClose={() => setHandoff(null)} />
    </Alert>
  )
}
