import type { ReportFilter } from '@shared/ipc/routes/reportRoutes'
import type { SessionFilter } from '@shared/sessions/sessionQuery'

/** What a click on a chart's bar or point selects, in the Sessions screen's own filter terms. */
export interface DrillTarget {
  /** What the user is about to open, e.g. "scenario faq". */
  label: string
  filter: Partial<SessionFilter>
}

/** Why a click cannot open exactly those sessions, or null when it can. */
export function drillBlocker(filter: ReportFilter): string | null {
  return filter.startedFrom || filter.startedTo
    ? 'Sessions cannot filter by date yet: clear the date range to open sessions from a chart'
    : null
}

/**
 * The Sessions filter for a clicked bar: the report's filters with the bar's own values taking
 * their place (clicking "faq" while two scenarios are chosen opens faq only). Null when the
 * report has a filter Sessions cannot express, so a click never opens more calls than it shows.
 */
export function sessionsFilterFor(filter: ReportFilter, target: DrillTarget): SessionFilter | null {
  if (drillBlocker(filter)) return null
  const merged: SessionFilter = {
    scenario: filter.scenario,
    sentiment: filter.sentiment,
    language: filter.language,
    model: filter.model,
    source: filter.source,
    ragUsed: filter.ragUsed,
    ...target.filter
  }
  for (const key of Object.keys(merged) as (keyof SessionFilter)[]) {
    const value = merged[key]
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete merged[key]
  }
  return merged
}
