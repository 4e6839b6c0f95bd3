import { useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import CloseIcon from '@mui/icons-material/Close'
import Snackbar from '@mui/material/Snackbar'
import { useTranslation } from 'react-i18next'
import type { StoredAlert } from '@shared/escalation/alertRecords'
import type { ScreenId } from './NavigationRail'
import { playAlertCue } from '@renderer/components/alert-actions'
import { useIpcEvent } from './useIpcEvent'

const SEVERITY = { info: 'info', warning: 'warning', critical: 'error' } as const
/** A critical alert stays until someone closes it or goes to it; others leave after this. */
const SHOWN_MS = 12_000

interface Toast {
  alert: StoredAlert
  /** Another desk's call (team mode); null: a call at this desk. */
  seat: string | null
}

interface AlertToastProps {
  screen: ScreenId
  onOpen: (screen: ScreenId) => void
}

/**
 * An alert cannot go unseen on another screen: this desk's call's alerts when the live call is
 * not in front (its banner shows them there), and, for a supervisor in team mode, every desk's
 * alerts. One at a time, the newest; its button goes where the alert can be acted on.
 */
export function AlertToast({ screen, onOpen }: AlertToastProps): JSX.Element | null {
  const { t } = useTranslation()
  const { t: tm } = useTranslation('monitor')
  const [toast, setToast] = useState<Toast | null>(null)
  useIpcEvent('alerts.raised', (alert) => {
    if (screen !== 'live') setToast({ alert, seat: null })
  })
  useIpcEvent('team.alertRaised', (alert) => {
    // Heard on every screen: another desk's caller may need a person now.
    playAlertCue(alert.severity)
    if (screen !== 'monitor') setToast({ alert, seat: alert.seat })
  })
  if (!toast) return null
  const target: ScreenId = toast.seat === null ? 'live' : 'monitor'
  const close = (): void => setToast(null)
  return (
    <Snackbar
      open
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      autoHideDuration={toast.alert.severity === 'critical' ? null : SHOWN_MS}
      onClose={(_, reason) => reason !== 'clickaway' && close()}
      key={toast.alert.alertId}
    >
      <Alert
        severity={SEVERITY[toast.alert.severity]}
        variant="filled"
        data-testid="alert-toast"
        // Alert draws its own close button only without an action: both are drawn here.
        action={
          <>
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                close()
                onOpen(target)
              }}
            >
              {t(target === 'live' ? 'alertToast.openCall' : 'alertToast.openMonitor')}
            </Button>
            <IconButton
              color="inherit"
              size="small"
              aria-label={t('alertToast.close')}
              title={t('alertToast.close')}
              onClick={close}
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          </>
        }
        sx={{ maxWidth: 440 }}
      >
        <AlertTitle>
          {toast.seat === null
            ? t('alertToast.localTitle')
            : t('alertToast.teamTitle', { seat: toast.seat })}
          {' · '}
          {tm(`rules.${toast.alert.rule}`)}
        </AlertTitle>
        {toast.alert.reason}
      </Alert>
    </Snackbar>
  )
}
