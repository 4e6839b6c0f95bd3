import type { JSX } from 'react'
import Chip from '@mui/material/Chip'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { StoredAlert } from '@shared/escalation/alertRecords'
import { AlertActionBar, type LiveCallControls } from '@renderer/components/alert-actions'
import { useLiveCallStore } from '@renderer/features/live-call'
import { GatewayCallActions } from '@renderer/features/wallboard'
import { dateTimeFormat, numberFormat } from '@renderer/i18n'

const SEVERITY_COLOR = { info: 'info', warning: 'warning', critical: 'error' } as const

/** The running gateway call an alert came from, and what its engine and channel allow. */
export interface GatewayCallOfAlert {
  transferable: boolean
  stoppable: boolean
}

/**
 * One unsettled alert: why it fired, its evidence, and the supervisor's actions. Instruct, stop
 * and end call are offered when the alert came from the call this window is running (raised
 * since it started: the banner's test too). A call gateway's running call is taken over through
 * the gateway instead: instruct, stop, transfer to a person, end (the wallboard's actions).
 */
export function AlertCard({
  alert,
  gatewayCall = null,
  onActed,
  onHandoff
}: {
  alert: StoredAlert
  gatewayCall?: GatewayCallOfAlert | null
  onActed: () => void
  onHandoff: (note: string) => void
}): JSX.Element {
  const { t } = useTranslation('monitor')
  const call = useLiveCallStore(
    useShallow((s) => ({
      phase: s.phase,
      startedAt: s.startedAt,
      instruct: s.instruct,
      stopAgentSpeaking: s.stopAgentSpeaking,
      hangup: s.hangup
    }))
  )
  const live: LiveCallControls | null =
    call.phase === 'in_call' &&
    call.startedAt !== null &&
    Date.parse(alert.raisedAt) >= call.startedAt
      ? { instruct: call.instruct, stopAgent: call.stopAgentSpeaking, endCall: call.hangup }
      : null
  const quotes = alert.evidence.items.filter((i) => i.quote)
  return (
    <Paper sx={{ p: 2 }} data-testid={`alert-${alert.alertId}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Chip
          size="small"
          color={SEVERITY_COLOR[alert.severity]}
          label={t(`severity.${alert.severity}`)}
        />
        <Typography sx={{ fontWeight: 600 }}>{t(`rules.${alert.rule}`)}</Typography>
        <Typography color="text.secondary" variant="body2">
          {alert.sessionId} ·{' '}
          {dateTimeFormat({ dateStyle: 'short', timeStyle: 'medium' }).format(
            new Date(alert.raisedAt)
          )}
        </Typography>
        {alert.seat !== null && (
          <Chip
            size="small"
            variant="outlined"
            label={t('card.desk', { seat: alert.seat })}
            data-testid="alert-desk"
          />
        )}
        {alert.callEnded && (
          <Chip
            size="small"
            variant="outlined"
            label={t('card.callEnded')}
            data-testid="alert-call-ended"
          />
        )}
        {alert.status === 'acknowledged' && (
          <Chip size="small" variant="outlined" label={t('card.acknowledged')} />
        )}
      </Stack>
      <Typography>{alert.reason}</Typography>
      {quotes.map((item, i) => (
        <Typography key={i} variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
          {item.turnIndex !== null
            ? `${t('card.turn', { n: numberFormat().format(item.turnIndex) })}: `
            : ''}
          “{item.quote}”
        </Typography>
      ))}
      <Stack sx={{ mt: 1.5 }} spacing={1}>
        <AlertActionBar alert={alert} live={live} onActed={onActed} onHandoff={onHandoff} />
        {gatewayCall && (
          <GatewayCallActions
            sessionId={alert.sessionId}
            transferable={gatewayCall.transferable}
            stoppable={gatewayCall.stoppable}
            alertId={alert.alertId}
          />
        )}
      </Stack>
    </Paper>
  )
}
