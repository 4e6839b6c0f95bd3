import { memo, type JSX } from 'react'
import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import type { ReportKpis } from '@shared/ipc/routes/reportRoutes'
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

function kpisOf(k: ReportKpis | undefined): Kpi[] {
  const countWithShare = (n: number | undefined, pct: number | null | undefined): string =>
    n === undefined ? NO_FIGURE : `${formatCount(n)} (${formatPct(pct ?? null)})`
  const threshold = k?.slowThresholdMs ?? 200
  return [
    {
      id: 'sessions',
      label: 'Sessions',
      value: k ? formatCount(k.sessions) : NO_FIGURE,
      hint: 'Sessions matching the filters'
    },
    {
      id: 'avg-p50',
      label: 'Avg P50',
      value: formatMs(k?.avgP50Ms ?? null),
      hint: 'Mean of the sessions’ median (P50) latency'
    },
    {
      id: 'avg-p95',
      label: 'Avg P95',
      value: formatMs(k?.avgP95Ms ?? null),
      hint: 'Mean of the sessions’ P95 latency'
    },
    {
      id: 'slow',
      label: `Slow (P95 > ${threshold} ms)`,
      value: countWithShare(k?.slowSessions, k?.slowSharePct),
      hint: `Sessions whose P95 latency is above ${threshold} ms, and their share`,
      emphasis: k?.slowSessions ? 'warning.main' : undefined
    },
    {
      id: 'negative',
      label: 'Negative',
      value: countWithShare(k?.negativeSessions, k?.negativeSharePct),
      hint: 'Sessions with negative sentiment, and their share',
      emphasis: k?.negativeSessions ? 'error.main' : undefined
    },
    {
      id: 'rag',
      label: 'RAG usage',
      value: formatPct(k?.ragUsagePct ?? null, 0),
      hint: 'Share of sessions that used retrieval'
    },
    {
      id: 'interruptions',
      label: 'Avg interruptions',
      value: formatMean(k?.avgInterruptions ?? null),
      hint: 'Mean interruptions per session'
    }
  ]
}

interface KpiCardsProps {
  kpis: ReportKpis | undefined
  loading: boolean
}

/** The headline figures of the filtered sessions; computed in main, only printed here. */
export const KpiCards = memo(function KpiCards({ kpis, loading }: KpiCardsProps): JSX.Element {
  return (
    <Box
      component="section"
      aria-label="Key figures"
      sx={{
        position: 'relative',
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
        gap: 1.5
      }}
    >
      {kpisOf(kpis).map((kpi) => (
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
          aria-label="Updating figures"
          sx={{ position: 'absolute', left: 0, right: 0, bottom: -4, height: 2 }}
        />
      )}
    </Box>
  )
})
