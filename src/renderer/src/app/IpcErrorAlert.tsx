import type { JSX } from 'react'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import { useTranslation } from 'react-i18next'
import type { IpcError } from './ipc'
import { ipcErrorMessage, ipcIssueText } from './ipcErrorText'

interface IpcErrorAlertProps {
  error: IpcError
  onClose?: () => void
  /** Offered for reads, which are safe to repeat. */
  onRetry?: () => void
}

/** Shows a failed request in place, so one bad call never takes the screen down. */
export function IpcErrorAlert({ error, onClose, onRetry }: IpcErrorAlertProps): JSX.Element {
  const { t } = useTranslation()
  const { t: tErrors } = useTranslation('errors')
  const retry = onRetry && (
    <Button color="inherit" size="small" onClick={onRetry}>
      {t('ipcError.retry')}
    </Button>
  )
  return (
    <Alert severity="error" onClose={onClose} action={retry} data-testid="ipc-error">
      <AlertTitle>{t(`ipcError.title.${error.code}`)}</AlertTitle>
      {ipcErrorMessage(error, tErrors)}
      {error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue, index) => (
            <li key={index}>{ipcIssueText(issue, tErrors)}</li>
          ))}
        </ul>
      )}
    </Alert>
  )
}
