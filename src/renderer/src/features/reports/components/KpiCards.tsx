import { memo, type JSX } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import type { ReportKpis } from '@shared/analytics/reportSchemas'
import { LATENCY_SCALES, type LatencyScale } from '@shared/sessions/latencyScales'
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

const countWithShare = (n: number | undefined, pct: number | null | undefined): string =>
  n === undefined ? NO_FIGURE : `${formatCount(n)} (${formatPct(pct ?? null)})`

/** Test ids' prefix per scale: the lab's figures were the only ones before live calls came. */
const SCALE_ID: Record<LatencyScale, string> = { live: 'live', imported: 'lab' }

/**
 * Each latency scale's mean P50, mean P95 and slow sessions, apart: live calls (to first audio)
 * and the lab's figures share neither a definition nor a threshold. A scale the filter holds
 * no session of is left out; with no session at all, the lab's cards stand empty.
 */
function latencyKpis(k: ReportKpis | undefined, t: TFunction<'reports'>, tc: CommonT): Kpi[] {
  const present = LATENCY_SCALES.filter((scale) => (k?.latency[scale].sessions ?? 0) > 0)
  const scales: readonly LatencyScale[] = present.length ? present : ['imported']
  return scales.flatMap((scale): Kpi[] => {
    const figures = k?.latency[scale]
    const threshold = figures?.slowThresholdMs ?? 200
    const name = tc(`latency.${scale}Short`)
    const help = tc(`latency.${scale}Help`, { threshold })
    const id = SCALE_ID[scale]
    return [
      {
        id: `${id}-p50`,
        label: t('kpi.p50', { scale: name }),
        value: formatMs(figures?.avgP50Ms ?? null),
        hint: `${help} ${t('kpi.meanHint')}`
      },
      {
        id: `${id}-p95`,
        label: t('kpi.p95', { scale: name }),
        value: formatMs(figures?.avgP95Ms ?? null),
        hint: `${help} ${t('kpi.meanHint')}`
      },
      {
        id: `${id}-slow`,
        label: t('kpi.slowOf', { scale: name, threshold }),
        value: countWithShare(figures?.slowSessions, figures?.slowSharePct),
        hint: `${help} ${t('kpi.slowShareHint')}`,
        emphasis: figures?.slowSessions ? 'warning.main' : undefined
      }
    ]
  })
}

type CommonT = TFunction<'common'>

function kpisOf(k: ReportKpis | undefined, t: TFunction<'reports'>, tc: CommonT): Kpi[] {
  const untimed = k ? k.sessions - k.timedSessions : 0
  return [
    {
      id: 'sessions',
      label: t('kpi.sessions'),
      value: k ? formatCount(k.sessions) : NO_FIGURE,
      hint: t('kpi.sessionsHint')
    },
    ...latencyKpis(k, t, tc),
    ...(untimed > 0
      ? [
          {
            id: 'no-turn',
            label: t('kpi.noTurn'),
            value: formatCount(untimed),
            hint: tc('latency.noTurnHelp')
          }
        ]
      : []),
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
  const { t: tc } = useTranslation('common')
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
      {kpisOf(kpis, t, tc).map((kpi) => (
        <Paper key={kpi.id} title={kpi.hint} sx={{ px: 2, py: 1.5 }}>
          {/* Wraps rather than cuts: "Lentes labo (P95 > 200 ms)" is long at 1024 px. */}
          <Typography variant="caption" color="text.secondary" component="div">
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
