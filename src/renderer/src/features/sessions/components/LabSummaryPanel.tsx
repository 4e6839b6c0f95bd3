import { memo, type JSX } from 'react'
import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import type { Output } from '@shared/ipc/contract'
import { SLOW_P95_MS } from '@shared/sessions/labSchema'
import { formatCount, formatFigure, formatSeriesFigure, NO_FIGURE } from './formatFigure'

interface Figure {
  testId: string
  label: string
  value: string
  /** What the figure means, for the tooltip. */
  hint: string
  emphasis?: 'warning' | 'error'
}

/** Reads the report's figures; every number is computed in main, here it is only printed. */
type LabReportPage = Output<'analytics.labReport'>

function figuresOf(report: LabReportPage | undefined): Figure[] {
  const count = (n: number | undefined): string =>
    report === undefined ? NO_FIGURE : formatCount(n ?? 0)
  const slow = report?.listed_totals.slow_sessions
  const negative = report?.sentiment.counts['negative']
  const interruptions = report?.interruptions.avg_by_sentiment
  const threshold = report?.latency.threshold_ms ?? SLOW_P95_MS
  const rag = formatFigure(report?.rag.usage_rate_pct, 0)
  return [
    {
      testId: 'kpi-total',
      label: 'Sessions',
      value: count(report?.total_sessions),
      hint: 'Sessions matching the filters'
    },
    {
      testId: 'kpi-avg-p50',
      label: 'Avg P50 (ms)',
      value: formatFigure(report?.latency.avg_p50_ms, 1),
      hint: 'Mean of the sessions’ median latency'
    },
    {
      testId: 'kpi-avg-p95',
      label: 'Avg P95 (ms)',
      value: formatFigure(report?.latency.avg_p95_ms, 1),
      hint: 'Mean of the sessions’ P95 latency'
    },
    {
      testId: 'kpi-slow',
      label: `Slow (P95 > ${threshold} ms)`,
      value: count(slow),
      hint: `Sessions whose P95 latency is above ${threshold} ms`,
      emphasis: slow ? 'warning' : undefined
    },
    {
      testId: 'kpi-negative',
      label: 'Negative',
      value: count(negative),
      hint: 'Sessions with negative sentiment',
      emphasis: negative ? 'error' : undefined
    },
    {
      testId: 'kpi-rag',
      label: 'RAG usage',
      value: rag === NO_FIGURE ? rag : `${rag}%`,
      hint: 'Share of sessions that used retrieval'
    },
    {
      testId: 'kpi-interruptions-negative',
      label: 'Interruptions, negative',
      value: formatSeriesFigure(interruptions?.['negative'], 2),
      hint: 'Average interruptions in negative sessions'
    },
    {
      testId: 'kpi-interruptions-positive',
      label: 'Interruptions, positive',
      value: formatSeriesFigure(interruptions?.['positive'], 2),
      hint: 'Average interruptions in positive sessions'
    }
  ]
}

interface LabSummaryPanelProps {
  report: LabReportPage | undefined
  loading: boolean
}

/**
 * The lab's headline figures (Parts 3–6) for the sessions currently filtered. Memoised: each
 * table page that loads re-renders the screen, not this panel.
 */
export const LabSummaryPanel = memo(function LabSummaryPanel({
  report,
  loading
}: LabSummaryPanelProps): JSX.Element {
  return (
    <Paper
      component="section"
      aria-label="Lab summary"
      sx={{ position: 'relative', overflow: 'hidden' }}
    >
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
          gap: 2,
          px: 2,
          py: 1.5
        }}
      >
        {figuresOf(report).map((figure) => (
          <Box key={figure.testId} title={figure.hint}>
            <Typography variant="caption" color="text.secondary" noWrap component="div">
              {figure.label}
            </Typography>
            <Typography
              variant="h6"
              component="div"
              data-testid={figure.testId}
              color={figure.emphasis ? `${figure.emphasis}.main` : 'text.primary'}
              sx={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {figure.value}
            </Typography>
          </Box>
        ))}
      </Box>
      {loading && (
        <LinearProgress
          aria-label="Updating summary"
          sx={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: 2 }}
        />
      )}
    </Paper>
  )
})
