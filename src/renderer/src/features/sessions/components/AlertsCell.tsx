import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import { useTheme } from '@mui/material/styles'
import type { AlertSummary } from '@shared/sessions/alertSummary'
import { NO_FIGURE } from './formatFigure'
import { severityColor } from './alertColors'

/**
 * How many alerts the call raised, and its worst one: a dot of its severity's colour and its rule's
 * short name.
 */
export function AlertsCell({ alerts }: { alerts: AlertSummary | undefined }): JSX.Element {
  const { t } = useTranslation('monitor')
  const { t: tSessions } = useTranslation('sessions')
  const { palette } = useTheme()
  if (!alerts) return <span title={tSessions('table.noAlerts')}>{NO_FIGURE}</span>
  const rule = t(`rules.${alerts.worstRule}`)
  // The rule's short name: the full one was cut at 1024 px; the tooltip has it.
  const shortRule = t(`rulesShort.${alerts.worstRule}`)
  const severity = t(`severity.${alerts.worstSeverity}`)
  const title = tSessions('table.alertsTitle', { count: alerts.count, rule, severity })
  return (
    <Box
      component="span"
      title={title}
      data-testid="alerts-cell"
      data-severity={alerts.worstSeverity}
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, maxWidth: '100%' }}
    >
      <Box
        component="span"
        sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', flex: 'none' }}
      >
        {alerts.count}
      </Box>
      <Box
        component="span"
        aria-hidden
        sx={{
          width: 10,
          height: 10,
          borderRadius: '50%',
          flex: 'none',
          bgcolor: severityColor(palette, alerts.worstSeverity)
        }}
      />
      <Box
        component="span"
        sx={{
          // Up to two lines within the row's height: at 1024 px the column has ~70 px for it.
          display: '-webkit-box',
          WebkitLineClamp: 2,
          WebkitBoxOrient: 'vertical',
          overflow: 'hidden',
          overflowWrap: 'anywhere',
          whiteSpace: 'normal',
          minWidth: 0,
          fontSize: '0.8125rem',
          lineHeight: 1.15
        }}
      >
        {shortRule}
      </Box>
    </Box>
  )
}
