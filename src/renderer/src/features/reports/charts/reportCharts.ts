import type { TFunction } from 'i18next'
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
  palette: ChartPalette
): ChartSpec[] => [
  latencyPerSessionChart(summary, t, palette),
  latencyHistogramChart(summary, t, palette),
  latencyByScenarioChart(summary, t, palette),
  sentimentDistributionChart(summary, t, palette),
  interruptionsBySentimentChart(summary, t, palette),
  interruptionsVsSentimentChart(summary, t, palette),
  ragLatencyChart(summary, t, palette),
  ragByScenarioChart(summary, t, palette),
  languageChart(summary, t, palette),
  overTimeChart(summary, t, palette)
]
