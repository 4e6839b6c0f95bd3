import { useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { Input } from '@shared/ipc/contract'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useIpcEvent } from '@renderer/app/useIpcEvent'
import { useRequest } from '@renderer/app/useRequest'
import { HandoffNoteDialog } from '@renderer/components/alert-actions'
import { gatewayCallAbilities, useLiveCallsBoard } from '@renderer/features/wallboard'
import { AlertCard, type GatewayCallOfAlert } from './AlertCard'

/** Acknowledged alerts stay listed: seen is not settled until dismissed or escalated. */
const UNSETTLED: Input<'alerts.list'> = { status: ['open', 'acknowledged'] }

/** Open alerts across calls, newest first, with the supervisor's actions. */
export function OpenAlertsTab(): JSX.Element {
  const { t } = useTranslation('monitor')
  const [revision, setRevision] = useState(0)
  // Held here: an escalated alert's card leaves the list while its note is still being read.
  const [handoff, setHandoff] = useState<string | null>(null)
  const { data, error } = useRequest('alerts.list', UNSETTLED, revision)
  const reload = (): void => setRevision((r) => r + 1)
  // A gateway's call still running (team mode): its card takes the call over through the gateway,
  // for a supervisor's seat, as its wallboard row does (main refuses any other all the same).
  const board = useLiveCallsBoard()
  const supervisor = useRequest('settings.get', {}).data?.settings.team.role === 'supervisor'
  const gatewayCall = (sessionId: string): GatewayCallOfAlert | null => {
    const row = board?.calls.find((call) => call.sessionId === sessionId)
    if (!supervisor || !row || row.stale || row.channel === 'desk') return null
    return gatewayCallAbilities(row)
  }
  useIpcEvent('alerts.raised', reload)
  // Team mode: other desks' alerts and actions (and a reconnect, after which anything may differ).
  useIpcEvent('team.alertRaised', reload)
  useIpcEvent('alerts.changed', reload)
  return (
    <>
      {error ? (
        <IpcErrorAlert error={error} onRetry={reload} />
      ) : !data ? (
        <Typography color="text.secondary">{t('openAlerts.loading')}</Typography>
      ) : data.length === 0 ? (
        <Alert severity="info" data-testid="alerts-empty">
          {t('openAlerts.empty')}
        </Alert>
      ) : (
        <Stack spacing={1.5} data-testid="alerts-list">
          {data.map((alert) => (
            <AlertCard
              key={alert.alertId}
              alert={alert}
              gatewayCall={alert.callEnded ? null : gatewayCall(alert.sessionId)}
              onActed={reload}
              onHandoff={setHandoff}
            />
          ))}
        </Stack>
      )}
      {/* Beside the list, not in it: the note stays mounted (and copied once) as the list changes. */}
      <HandoffNoteDialog note={handoff} onClose={() => setHandoff(null)} />
    </>
  )
}
