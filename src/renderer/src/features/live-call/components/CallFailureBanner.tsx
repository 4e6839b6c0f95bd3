import type { JSX } from 'react'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import { FAILURE_TITLES, type CallFailure } from '../engine/callFailure'

interface CallFailureBannerProps {
  failure: CallFailure
  onRetry: () => void
}

/** What went wrong, in words that say what to fix, and a way to try again. */
export function CallFailureBanner({ failure, onRetry }: CallFailureBannerProps): JSX.Element {
  return (
    <Alert
      severity="error"
      data-testid="call-failure"
      data-kind={failure.kind}
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      <AlertTitle>{FAILURE_TITLES[failure.kind]}</AlertTitle>
      {failure.message}
    </Alert>
  )
}
