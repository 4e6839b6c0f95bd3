import type { ReportFilter } from '@shared/analytics/reportSchemas'
import type { SessionFilter } from '@shared/sessions/sessionQuery'

/** What a click on a chart's bar or point selects, in the Sessions screen's own filter terms. */
export interface DrillTarget {
  /** What the user is about to open, e.g. "scenario faq". */
  label: string
  filter: Partial<SessionFilter>
}

/**
 * The Sessions filter for a clicked bar: the report's filters with the bar's own values taking
 * their place (clicking "faq" while two scenarios are chosen opens faq only). Every report
 * filter, the date range included, is a Sessions filter, so a click opens exactly the calls
 * the bar counts.
 */
export function sessionsFilterFor(filter: ReportFilter, target: DrillTarget): SessionFilter {
  const merged: SessionFilter = {
    scenario: filter.scenario,
    sentiment: filter.sentiment,
    language: filter.language,
    model: filter.model,
    source: filter.source,
    ragUsed: filter.ragUsed,
    engine: filter.engine,
    startedFrom: filter.startedFrom,
    startedTo: filter.startedTo,
    ...target.filter
  }
  for (const key of Object.keys(merged) as (keyof SessionFilter)[]) {
    const value = merged[key]
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete merged[key]
  }
  return merged
}
