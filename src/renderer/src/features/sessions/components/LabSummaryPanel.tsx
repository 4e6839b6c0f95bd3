import { memo, type JSX } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import type { Output } from '@shared/ipc/contract'
import { SLOW_P95_MS } from '@shared/sessions/labSchema'
import {
  formatCount,
  formatFigure,
  formatPercent,
  formatSeriesFigure,
  NO_FIGURE
} from './formatFigure'

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

function figuresOf(report: LabReportPage | undefined, t: TFunction<'sessions'>): Figure[] {
  const count = (n: number | undefined): string =>
    report === undefined ? NO_FIGURE : formatCount(n ?? 0)
  const slow = report?.listed_totals.slow_sessions
  const negative = report?.sentiment.counts['negative']
  const interruptions = report?.interruptions.avg_by_sentiment
  const threshold = report?.latency.threshold_ms ?? SLOW_P95_MS
  return [
    {
      testId: 'kpi-total',
      label: t('summary.total'),
      value: count(report?.total_sessions),
      hint: t('summary.totalHint')
    },
    {
      testId: 'kpi-avg-p50',
      label: t('summary.avgP50'),
      value: formatFigure(report?.latency.avg_p50_ms, 1),
      hint: t('summary.avgP50Hint')
    },
    {
      testId: 'kpi-avg-p95',
      label: t('summary.avgP95'),
      value: formatFigure(report?.latency.avg_p95_ms, 1),
      hint: t('summary.avgP95Hint')
    },
    {
      testId: 'kpi-slow',
      label: t('summary.slow', { threshold }),
      value: count(slow),
      hint: t('summary.slowHint', { threshold }),
      emphasis: slow ? 'warning' : undefined
    },
    {
      testId: 'kpi-negative',
      label: t('summary.negative'),
      value: count(negative),
      hint: t('summary.negativeHint'),
      emphasis: negative ? 'error' : undefined
    },
    {
      testId: 'kpi-rag',
      label: t('summary.rag'),
      value: formatPercent(report?.rag.usage_rate_pct),
      hint: t('summary.ragHint')
    },
    {
      testId: 'kpi-interruptions-negative',
      label: t('summary.interruptionsNegative'),
      value: formatSeriesFigure(interruptions?.['negative'], 2),
      hint: t('summary.interruptionsNegativeHint')
    },
    {
      testId: 'kpi-interruptions-positive',
      label: t('summary.interruptionsPositive'),
      value: formatSeriesFigure(interruptions?.['positive'], 2),
      hint: t('summary.interruptionsPositiveHint')
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
  const { t } = useTranslation('sessions')
  return (
    <Paper
      component="section"
      aria-label={t('summary.label')}
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
        {figuresOf(report, t).map((figure) => (
          <Box
            key={figure.testId}
            title={figure.hint}
            // A long label wraps (never cut, in any language at 1024 px); values stay aligned.
            sx={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }}
          >
            <Typography
              variant="caption"
              color="text.secondary"
              component="div"
              sx={{ lineHeight: 1.3 }}
            >
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
          aria-label={t('summary.updating')}
          sx={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: 2 }}
        />
      )}
    </Paper>
  )
})
