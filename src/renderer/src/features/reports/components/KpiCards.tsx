import { memo, type JSX } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import type { ReportKpis } from '@shared/analytics/reportSchemas'
import {
  formatCount,
  formatMean,
  formatMs,
  formatPct,
  NO_FIGURE
} from '../charts/formatReportFigure'

interface Kpi {
  id: string
  label: string
  value: string
  hint: string
  emphasis?: 'warning.main' | 'error.main'
}

function kpisOf(k: ReportKpis | undefined, t: TFunction<'reports'>): Kpi[] {
  const countWithShare = (n: number | undefined, pct: number | null | undefined): string =>
    n === undefined ? NO_FIGURE : `${formatCount(n)} (${formatPct(pct ?? null)})`
  const threshold = k?.slowThresholdMs ?? 200
  return [
    {
      id: 'sessions',
      label: t('kpi.sessions'),
      value: k ? formatCount(k.sessions) : NO_FIGURE,
      hint: t('kpi.sessionsHint')
    },
    {
      id: 'avg-p50',
      label: t('kpi.avgP50'),
      value: formatMs(k?.avgP50Ms ?? null),
      hint: t('kpi.avgP50Hint')
    },
    {
      id: 'avg-p95',
      label: t('kpi.avgP95'),
      value: formatMs(k?.avgP95Ms ?? null),
      hint: t('kpi.avgP95Hint')
    },
    {
      id: 'slow',
      label: t('kpi.slow', { threshold }),
      value: countWithShare(k?.slowSessions, k?.slowSharePct),
      hint: t('kpi.slowHint', { threshold }),
      emphasis: k?.slowSessions ? 'warning.main' : undefined
    },
    {
      id: 'negative',
      label: t('kpi.negative'),
      value: countWithShare(k?.negativeSessions, k?.negativeSharePct),
      hint: t('kpi.negativeHint'),
      emphasis: k?.negativeSessions ? 'error.main' : undefined
    },
    {
      id: 'rag',
      label: t('kpi.rag'),
      value: formatPct(k?.ragUsagePct ?? null, 0),
      hint: t('kpi.ragHint')
    },
    {
      id: 'interruptions',
      label: t('kpi.interruptions'),
      value: formatMean(k?.avgInterruptions ?? null),
      hint: t('kpi.interruptionsHint')
    }
  ]
}

interface KpiCardsProps {
  kpis: ReportKpis | undefined
  loading: boolean
}

/** The headline figures of the filtered sessions; computed in main, only printed here. */
export const KpiCards = memo(function KpiCards({ kpis, loading }: KpiCardsProps): JSX.Element {
  const { t } = useTranslation('reports')
  return (
    <Box
      component="section"
      aria-label={t('kpi.label')}
      sx={{
        position: 'relative',
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
        gap: 1.5
      }}
    >
      {kpisOf(kpis, t).map((kpi) => (
        <Paper key={kpi.id} title={kpi.hint} sx={{ px: 2, py: 1.5 }}>
          <Typography variant="caption" color="text.secondary" noWrap component="div">
            {kpi.label}
          </Typography>
          <Typography
            variant="h6"
            component="div"
            data-testid={`report-kpi-${kpi.id}`}
            color={kpi.emphasis ?? 'text.primary'}
            sx={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {kpi.value}
          </Typography>
        </Paper>
      ))}
      {loading && (
        <LinearProgress
          aria-label={t('kpi.updating')}
          sx={{ position: 'absolute', left: 0, right: 0, bottom: -4, height: 2 }}
        />
      )}
    </Box>
  )
})
