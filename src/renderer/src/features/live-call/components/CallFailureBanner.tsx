import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import { failureMessage, failureTitle, type CallFailure } from '../engine/callFailure'

interface CallFailureBannerProps {
  failure: CallFailure
  onRetry: () => void
}

/** What went wrong, in words that say what to fix, and a way to try again. */
export function CallFailureBanner({ failure, onRetry }: CallFailureBannerProps): JSX.Element {
  const { t } = useTranslation('liveCall')
  return (
    <Alert
      severity="error"
      data-testid="call-failure"
      data-kind={failure.kind}
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          {t('failure.retry')}
        </Button>
      }
    >
      <AlertTitle>{failureTitle(failure.kind, t)}</AlertTitle>
      {failureMessage(failure, t)}
    </Alert>
  )
}
