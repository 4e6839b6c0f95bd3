import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Drawer from '@mui/material/Drawer'
import IconButton from '@mui/material/IconButton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import CloseIcon from '@mui/icons-material/Close'
import type { UnfinalizedCall } from '@shared/live-call/recordedCall'
import { dateTimeFormat, plainNumber } from '@renderer/i18n'
import { RecordedCall } from './RecordedCall'

/**
 * A recorded call that could not be finalized: what is known of it (no session row yet), why it
 * failed, and its transcript and replay from the kept events.
 */
export function UnfinalizedCallDrawer({
  call,
  onClose
}: {
  call: UnfinalizedCall | null
  onClose: () => void
}): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  const when = dateTimeFormat({ dateStyle: 'medium', timeStyle: 'medium' })
  const fields = (c: UnfinalizedCall): [string, string][] => [
    [t('unfinalized.fields.provider'), c.provider],
    [t('unfinalized.fields.model'), c.model],
    [t('unfinalized.fields.started'), when.format(c.startedAtMs)],
    [
      t('unfinalized.fields.hungUp'),
      c.endedAtMs === null ? t('unfinalized.noHangUp') : when.format(c.endedAtMs)
    ],
    [t('unfinalized.fields.events'), plainNumber(c.events)],
    [t('unfinalized.fields.attempts'), plainNumber(c.failure.attempts)],
    [t('unfinalized.fields.lastAttempt'), when.format(new Date(c.failure.failedAt))]
  ]
  return (
    <Drawer anchor="right" open={call !== null} onClose={onClose}>
      <Box sx={{ width: 620, p: 2 }} data-testid="unfinalized-call-detail">
        {call && (
          <Stack spacing={2}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
                {call.sessionId}
              </Typography>
              <Chip size="small" color="error" label={t('unfinalized.status')} />
              <IconButton aria-label={t('drawer.close')} onClick={onClose}>
                <CloseIcon />
              </IconButton>
            </Stack>
            <Box
              component="dl"
              sx={{ display: 'grid', gridTemplateColumns: '180px 1fr', rowGap: 0.5, m: 0 }}
            >
              {fields(call).map(([label, value]) => (
                <Box key={label} sx={{ display: 'contents' }}>
                  <Typography component="dt" variant="body2" color="text.secondary">
                    {label}
                  </Typography>
                  <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                    {value}
                  </Typography>
                </Box>
              ))}
            </Box>
            <RecordedCall sessionId={call.sessionId} />
          </Stack>
        )}
      </Box>
    </Drawer>
  )
}
