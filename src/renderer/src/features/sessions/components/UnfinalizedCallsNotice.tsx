import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Link from '@mui/material/Link'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { UnfinalizedCall } from '@shared/live-call/recordedCall'
import { dateTimeFormat } from '@renderer/i18n'

interface UnfinalizedCallsNoticeProps {
  calls: readonly UnfinalizedCall[]
  onOpen: (call: UnfinalizedCall) => void
}

/**
 * Recorded calls that could not be finalized have no session row, so the table cannot list
 * them: this notice does, above it, until a start finalizes them.
 */
export function UnfinalizedCallsNotice({
  calls,
  onOpen
}: UnfinalizedCallsNoticeProps): JSX.Element | null {
  const { t } = useTranslation('sessions')
  if (calls.length === 0) return null
  const started = dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' })
  return (
    <Alert severity="error" data-testid="unfinalized-calls">
      <AlertTitle>{t('unfinalized.title', { count: calls.length })}</AlertTitle>
      <Typography variant="body2">{t('unfinalized.body', { count: calls.length })}</Typography>
      <Stack
        component="ul"
        spacing={0.5}
        // Many failures at once (the same cause) must not push the table off screen.
        sx={{ m: 0, mt: 1, pl: 2.5, maxHeight: 160, overflowY: 'auto' }}
      >
        {calls.map((call) => (
          <li key={call.sessionId}>
            <Link
              component="button"
              variant="body2"
              onClick={() => onOpen(call)}
              sx={{ verticalAlign: 'baseline', fontFamily: 'monospace' }}
            >
              {call.sessionId}
            </Link>{' '}
            <Typography component="span" variant="body2" color="text.secondary">
              {t('unfinalized.item', {
                started: started.format(call.startedAtMs),
                error: call.failure.error
              })}
            </Typography>
          </li>
        ))}
      </Stack>
    </Alert>
  )
}
