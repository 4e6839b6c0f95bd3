import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import FileUploadIcon from '@mui/icons-material/FileUpload'
import KeyIcon from '@mui/icons-material/Key'
import PhoneIcon from '@mui/icons-material/Phone'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'

/** Where the welcome's ways in lead, outside the Sessions screen. */
export type WelcomeTarget = 'live' | 'settings'

/** Remembered on this computer: "Got it" hides the welcome for good (the sample may stay). */
const DISMISSED_KEY = 'voice-console.welcome.dismissed'

function readDismissed(): boolean {
  try {
    return globalThis.localStorage?.getItem(DISMISSED_KEY) === '1'
  } catch {
    return false
  }
}

export interface WelcomePanelProps {
  /** How many of the listed sessions are the pilot's sample (0: no welcome). */
  sampleCount: number
  onImport: () => void
  onOpen: (target: WelcomeTarget) => void
  onRemoved: (removed: number) => void
  onError: (error: IpcError) => void
}

/**
 * A newcomer's first screen: says the table holds sample data, offers the three ways in (a demo
 * call, a CSV, a key) and removing the sample. Shown while sample sessions exist, until "Got it".
 */
export function WelcomePanel(props: WelcomePanelProps): JSX.Element | null {
  const { t } = useTranslation('sessions')
  const [dismissed, setDismissed] = useState(readDismissed)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  if (dismissed || props.sampleCount === 0) return null
  const count = props.sampleCount

  const dismiss = (): void => {
    try {
      globalThis.localStorage?.setItem(DISMISSED_KEY, '1')
    } catch {
      // Storage refused (a locked-down profile): hidden for this run only.
    }
    setDismissed(true)
  }
  const remove = async (): Promise<void> => {
    setBusy(true)
    try {
      const { removed } = await request('sessions.removeSample', {})
      setConfirming(false)
      props.onRemoved(removed)
    } catch (error) {
      setConfirming(false)
      props.onError(toIpcError('sessions.removeSample', error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="welcome" component="section">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {t('welcome.title')}
        </Typography>
        <Button color="error" onClick={() => setConfirming(true)}>
          {t('welcome.remove')}
        </Button>
        <Button onClick={dismiss}>{t('welcome.gotIt')}</Button>
      </Stack>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {t('welcome.body', { count })} {t('welcome.waysIn')}
      </Typography>
      <Stack direction="row" sx={{ mt: 1.5, flexWrap: 'wrap', gap: 2 }}>
        <WayIn
          icon={<PhoneIcon />}
          label={t('welcome.demoCall')}
          help={t('welcome.demoCallHelp')}
          onClick={() => props.onOpen('live')}
        />
        <WayIn
          icon={<FileUploadIcon />}
          label={t('welcome.importCsv')}
          help={t('welcome.importCsvHelp')}
          onClick={props.onImport}
        />
        <WayIn
          icon={<KeyIcon />}
          label={t('welcome.connectKey')}
          help={t('welcome.connectKeyHelp')}
          onClick={() => props.onOpen('settings')}
        />
      </Stack>
      <Dialog open={confirming} onClose={() => !busy && setConfirming(false)}>
        <DialogTitle>{t('welcome.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('welcome.confirmBody', { count })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          {/* The safe choice has the focus: Enter keeps the sample. */}
          <Button
            autoFocus
            variant="contained"
            onClick={() => setConfirming(false)}
            disabled={busy}
          >
            {t('welcome.cancel')}
          </Button>
          <Button color="error" onClick={() => void remove()} disabled={busy}>
            {t('welcome.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  )
}

function WayIn(props: {
  icon: JSX.Element
  label: string
  help: string
  onClick: () => void
}): JSX.Element {
  return (
    <Stack spacing={0.5} sx={{ flex: '1 1 220px', minWidth: 0 }}>
      <Button variant="outlined" startIcon={props.icon} onClick={props.onClick}>
        {props.label}
      </Button>
      <Typography variant="caption" color="text.secondary">
        {props.help}
      </Typography>
    </Stack>
  )
}
