import type { TFunction } from 'i18next'
import type { ReportSummary } from '@shared/analytics/reportSchemas'
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
export const reportCharts = (summary: ReportSummary, t: TFunction<'reports'>): ChartSpec[] => [
  latencyPerSessionChart(summary, t),
  latencyHistogramChart(summary, t),
  latencyByScenarioChart(summary, t),
  sentimentDistributionChart(summary, t),
  interruptionsBySentimentChart(summary, t),
  interruptionsVsSentimentChart(summary, t),
  ragLatencyChart(summary, t),
  ragByScenarioChart(summary, t),
  languageChart(summary, t),
  overTimeChart(summary, t)
]
