import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import type { CallAlert } from '@shared/escalation/callAlert'
import { dateTimeFormat, formatDurationMs } from '@renderer/i18n'
import { severityColor } from './alertColors'

/** Handoff notes can hold a whole call summary: the first line says what was decided. */
const shorten = (note: string): string => {
  const first = note.split('\n')[0] ?? ''
  return first.length > 160 ? `${first.slice(0, 159)}…` : first
}

/** One alert: rule and severity, when in the call, the reason, the quote and every action. */
export function AlertDetails({ alert }: { alert: CallAlert }): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  const when = (iso: string): string => {
    const date = new Date(iso)
    return Number.isNaN(date.getTime())
      ? iso
      : dateTimeFormat({ dateStyle: 'medium', timeStyle: 'medium' }).format(date)
  }
  return (
    <Box data-testid="alert-details">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        <Box
          component="span"
          sx={(theme) => ({ color: severityColor(theme.palette, alert.severity), mr: 0.5 })}
          aria-hidden
        >
          ●
        </Box>
        {t(`alerts.rules.${alert.rule}`, { defaultValue: alert.rule })} ·{' '}
        {t(`alerts.severity.${alert.severity}`)} ·{' '}
        {alert.t === null
          ? t('alerts.unknownTime')
          : t('alerts.at', { time: formatDurationMs(alert.t) })}
      </Typography>
      <Typography variant="body2">{alert.reason}</Typography>
      {alert.quote && (
        <Typography variant="body2" sx={{ fontStyle: 'italic' }}>
          {t('alerts.quote', { quote: alert.quote })}
        </Typography>
      )}
      {alert.actions.length === 0 ? (
        <Typography variant="caption">{t('alerts.noAction')}</Typography>
      ) : (
        alert.actions.map((action, index) => (
          <Typography key={index} variant="caption" component="div">
            {t('alerts.action', {
              action: t(`alerts.actions.${action.action}`),
              by: action.by,
              when: when(action.at)
            })}
            {action.note ? ` — ${t('alerts.note', { note: shorten(action.note) })}` : ''}
          </Typography>
        ))
      )}
    </Box>
  )
}
