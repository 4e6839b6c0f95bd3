import { useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import type { AlertActionKind, StoredAlert } from '@shared/escalation/alertRecords'
import { InstructDialog } from './InstructDialog'
import { useAlertActions, type LiveCallControls } from './useAlertActions'

/**
 * The supervisor's buttons on an alert, for the live banner and the Monitor's cards. The call
 * actions (instruct, stop, end) show only when the alert's call runs in this window; the
 * settling ones (acknowledge, dismiss, escalate) only while the alert is unsettled.
 */
export function AlertActionBar({
  alert,
  live,
  onActed,
  onHandoff,
  color
}: {
  alert: StoredAlert
  live: LiveCallControls | null
  onActed: (updated: StoredAlert, action: AlertActionKind) => void
  /** Shows the handoff note after an escalation (HandoffNoteDialog, owned by the screen). */
  onHandoff: (note: string) => void
  /** 'inherit' inside a coloured banner. */
  color?: 'inherit'
}): JSX.Element {
  const { t } = useTranslation('monitor')
  const actions = useAlertActions(alert, live, onActed, onHandoff)
  const [instructing, setInstructing] = useState(false)
  const [reason, setReason] = useState<string | null>(null)
  const unsettled = alert.status === 'open' || alert.status === 'acknowledged'
  const button = { size: 'small', color } as const
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        {live && (
          <>
            <Button {...button} onClick={() => setInstructing(true)}>
              {t('actions.instructButton')}
            </Button>
            <Button {...button} onClick={actions.stopAgent}>
              {t('actions.stopAgent')}
            </Button>
            <Button {...button} onClick={actions.endCall}>
              {t('actions.endCall')}
            </Button>
          </>
        )}
        {unsettled && (
          <>
            <Button {...button} onClick={() => void actions.log({ action: 'acknowledge' })}>
              {t('actions.acknowledge')}
            </Button>
            {reason === null ? (
              <Button {...button} onClick={() => setReason('')}>
                {t('actions.dismissOpen')}
              </Button>
            ) : (
              <>
                <TextField
                  size="small"
                  label={t('actions.dismissReason')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
                <Button
                  {...button}
                  disabled={reason.trim() === ''}
                  onClick={() => void actions.log({ action: 'dismiss', reason: reason.trim() })}
                >
                  {t('actions.dismiss')}
                </Button>
              </>
            )}
            <Button size="small" variant="contained" color="warning" onClick={actions.escalate}>
              {t('actions.escalate')}
            </Button>
          </>
        )}
      </Stack>
      {actions.error && <IpcErrorAlert error={actions.error} onClose={actions.clear} />}
      {actions.notice && (
        <Alert severity="warning" onClose={actions.clear}>
          {t(`actions.${actions.notice}`)}
        </Alert>
      )}
      <InstructDialog
        open={instructing}
        onClose={() => setInstructing(false)}
        onSend={actions.instruct}
      />
    </Stack>
  )
}
