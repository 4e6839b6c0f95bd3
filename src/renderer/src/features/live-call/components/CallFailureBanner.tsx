import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import { failureMessage, failureTitle, type CallFailure } from '../engine/callFailure'

interface CallFailureBannerProps {
  failure: CallFailure
  onRetry: () => void
  /** Settings, where a missing or refused key is put right. */
  onOpenSettings?: () => void
}

/** Failures a person fixes in Settings (the key, the endpoint). */
const FIXED_IN_SETTINGS: ReadonlySet<CallFailure['kind']> = new Set(['no_key', 'bad_key'])

/** What went wrong, in words that say what to fix, and a way to try again. */
export function CallFailureBanner({
  failure,
  onRetry,
  onOpenSettings
}: CallFailureBannerProps): JSX.Element {
  const { t } = useTranslation('liveCall')
  return (
    <Alert
      severity="error"
      data-testid="call-failure"
      data-kind={failure.kind}
      action={
        <>
          {onOpenSettings && FIXED_IN_SETTINGS.has(failure.kind) && (
            <Button color="inherit" size="small" onClick={onOpenSettings}>
              {t('failure.openSettings')}
            </Button>
          )}
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('failure.retry')}
          </Button>
        </>
      }
    >
      <AlertTitle>{failureTitle(failure.kind, t)}</AlertTitle>
      {failureMessage(failure, t)}
    </Alert>
  )
}
