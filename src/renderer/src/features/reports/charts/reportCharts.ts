import type { TFunction } from 'i18next'
import type { LabValueLabel } from '@renderer/i18n'
import type { ReportSummary } from '@shared/analytics/reportSchemas'
import type { ChartPalette } from './chartPalette'
import type { ChartSpec } from './chartSpec'
import {
  latencyByScenarioChart,
  latencyHistogramChart,
  latencyPerSessionChart
} from './latencyCharts'
import { languageChart } from './languageCharts'
import { overTimeChart } from './overTimeChart'
import { ragByScenarioChart, ragLatencyChart } from './ragCharts'
import {
  interruptionsBySentimentChart,
  interruptionsVsSentimentChart,
  sentimentDistributionChart
} from './sentimentCharts'

/** Every chart of the Reports screen, in reading order: speed, mood, retrieval, language, time. */
export const reportCharts = (
  summary: ReportSummary,
  t: TFunction<'reports'>,
  palette: ChartPalette,
  label: LabValueLabel
): ChartSpec[] => [
  latencyPerSessionChart(summary, t, palette),
  latencyHistogramChart(summary, t, palette),
  latencyByScenarioChart(summary, t, palette, label),
  sentimentDistributionChart(summary, t, palette, label),
  interruptionsBySentimentChart(summary, t, palette, label),
  interruptionsVsSentimentChart(summary, t, palette, label),
  ragLatencyChart(summary, t, palette),
  ragByScenarioChart(summary, t, palette, label),
  languageChart(summary, t, palette, label),
  overTimeChart(summary, t, palette)
]
