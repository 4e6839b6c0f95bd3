import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { CallAlert } from '@shared/escalation/callAlert'
import { AlertDetails } from './AlertDetails'
import { severityColor } from './alertColors'

/** The timeline's legend for alerts: every alert of the call in full, in the order raised. */
export function CallAlertList({ alerts }: { alerts: readonly CallAlert[] }): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  return (
    <Box component="section" aria-label={t('alerts.title')}>
      <Typography variant="subtitle2">{t('alerts.title')}</Typography>
      {alerts.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('alerts.none')}
        </Typography>
      ) : (
        <Stack spacing={1} sx={{ mt: 0.5 }} data-testid="call-alerts">
          <Typography variant="caption" color="text.secondary">
            {t('alerts.legend')}
          </Typography>
          {alerts.map((alert) => (
            <Box
              key={alert.alertId}
              sx={(theme) => ({
                borderLeft: 4,
                borderColor: severityColor(theme.palette, alert.severity),
                pl: 1
              })}
            >
              <AlertDetails alert={alert} />
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  )
}
