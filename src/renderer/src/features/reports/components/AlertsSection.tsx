import { useMemo, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import ButtonBase from '@mui/material/ButtonBase'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import type { ReportFilter } from '@shared/analytics/reportSchemas'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useRequest } from '@renderer/app/useRequest'
import { formatDurationMs, numberFormat } from '@renderer/i18n'
import { alertsPerDayChart, firstActionChart } from '../charts/alertCharts'
import { chartPaletteOf } from '../charts/chartPalette'
import type { DrillTarget } from '../drillDown'
import { ChartCard } from './ChartCard'
import { ChartGrid } from './ChartGrid'

interface AlertsSectionProps {
  filter: ReportFilter
  /** Bumped when sessions change, so the section refetches with the rest of the report. */
  revision: number
  onDrill: (target: DrillTarget) => void
  onRetry: () => void
}

interface AlertKpi {
  id: string
  label: string
  value: string
  hint: string
  drill?: DrillTarget
}

/** Alerts raised by live calls under the report's filters: KPIs and two charts. */
export function AlertsSection({
  filter,
  revision,
  onDrill,
  onRetry
}: AlertsSectionProps): JSX.Element {
  const { t } = useTranslation('reports')
  const { data, error, loading } = useRequest('reports.alerts', { filter }, revision)
  const theme = useTheme()
  const charts = useMemo(() => {
    if (!data || data.alerts === 0) return []
    const palette = chartPaletteOf(theme)
    return [alertsPerDayChart(data, t, palette), firstActionChart(data, t, palette)]
  }, [data, t, theme])
  const pct = (value: number | null): string =>
    value === null
      ? '—'
      : numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(value / 100)
  const duration = (ms: number | null): string => (ms === null ? '—' : formatDurationMs(ms))
  const kpis: AlertKpi[] = data
    ? [
        {
          id: 'alerts',
          label: t('alerts.kpi.alerts'),
          value: numberFormat().format(data.alerts),
          hint: t('alerts.kpi.alertsHint', { count: data.alertedSessions })
        },
        {
          id: 'escalation-rate',
          label: t('alerts.kpi.escalationRate'),
          value: pct(data.escalationRatePct),
          hint: t('alerts.kpi.escalationHint', {
            count: data.escalatedSessions,
            escalated: numberFormat().format(data.escalatedSessions),
            sessions: numberFormat().format(data.sessions)
          }),
          drill:
            data.escalatedSessionIds && data.escalatedSessionIds.length > 0
              ? {
                  label: t('alerts.kpi.escalationRate'),
                  filter: { sessionIds: data.escalatedSessionIds }
                }
              : undefined
        },
        {
          id: 'first-action-median',
          label: t('alerts.kpi.medianFirstAction'),
          value: duration(data.firstAction.medianMs),
          hint: t('alerts.kpi.firstActionHint', { count: data.firstAction.actedSessions })
        },
        {
          id: 'first-action-p90',
          label: t('alerts.kpi.p90FirstAction'),
          value: duration(data.firstAction.p90Ms),
          hint: t('alerts.kpi.firstActionHint', { count: data.firstAction.actedSessions })
        }
      ]
    : []

  return (
    <Box component="section" aria-labelledby="report-alerts-title" data-testid="report-alerts">
      <Typography id="report-alerts-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('alerts.title')}
      </Typography>
      {error && <IpcErrorAlert error={error} onRetry={onRetry} />}
      {loading && !data && <LinearProgress aria-label={t('alerts.loading')} />}
      {data && data.alerts === 0 && (
        <Paper sx={{ p: 3 }} data-testid="report-alerts-empty">
          <Typography color="text.secondary">{t('alerts.empty')}</Typography>
        </Paper>
      )}
      {data && data.alerts > 0 && (
        <Stack spacing={2}>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
              gap: 2
            }}
          >
            {kpis.map((kpi) => (
              <KpiTile
                key={kpi.id}
                kpi={kpi}
                onDrill={onDrill}
                openLabel={t('alerts.kpi.open', { label: kpi.label })}
              />
            ))}
          </Box>
          <ChartGrid>
            {charts.map((spec) => (
              <ChartCard key={spec.id} spec={spec} onDrill={onDrill} sessions={data.sessions} />
            ))}
          </ChartGrid>
        </Stack>
      )}
    </Box>
  )
}

function KpiTile({
  kpi,
  onDrill,
  openLabel
}: {
  kpi: AlertKpi
  onDrill: (target: DrillTarget) => void
  openLabel: string
}): JSX.Element {
  const body = (
    <>
      <Typography variant="caption" color="text.secondary">
        {kpi.label}
      </Typography>
      <Typography variant="h5" component="p" data-testid={`report-alert-kpi-${kpi.id}`}>
        {kpi.value}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {kpi.hint}
      </Typography>
    </>
  )
  const drill = kpi.drill
  return (
    <Paper sx={{ p: 1.5, display: 'flex', flexDirection: 'column' }}>
      {drill ? (
        <ButtonBase
          onClick={() => onDrill(drill)}
          aria-label={openLabel}
          sx={{ flexDirection: 'column', alignItems: 'flex-start', textAlign: 'left' }}
        >
          {body}
        </ButtonBase>
      ) : (
        body
      )}
    </Paper>
  )
}
