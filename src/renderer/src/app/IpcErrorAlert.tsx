import type { JSX } from 'react'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import type { IpcError, IpcErrorCode } from './ipc'

const TITLES: Record<IpcErrorCode, string> = {
  forbidden: 'Request refused',
  unknown_route: 'Not available in this version',
  invalid_input: 'Request was not valid',
  invalid_output: 'Unexpected answer from the app',
  failed: 'Something went wrong'
}

interface IpcErrorAlertProps {
  error: IpcError
  onClose?: () => void
  /** Offered for reads, which are safe to repeat. */
  onRetry?: () => void
}

/** Shows a failed request in place, so one bad call never takes the screen down. */
export function IpcErrorAlert({ error, onClose, onRetry }: IpcErrorAlertProps): JSX.Element {
  const retry = onRetry && (
    <Button color="inherit" size="small" onClick={onRetry}>
      Retry
    </Button>
  )
  return (
    <Alert severity="error" onClose={onClose} action={retry} data-testid="ipc-error">
      <AlertTitle>{TITLES[error.code]}</AlertTitle>
      {error.message}
      {error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue, index) => (
            <li key={index}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  )
}
