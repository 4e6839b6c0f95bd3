import { RULE_IDS, SEVERITIES } from '../../shared/escalation/rules'
import type { AlertSummary } from '../../shared/sessions/alertSummary'
import { pickSnippet, type SaidMatch } from '../../shared/sessions/saidSearch'
import { columnsOf, type Row } from './rowValues'

// What the Sessions table shows beside a page's rows, read the same way on both backends: each
// session's alerts summed up, and the words of a full-text search in context.

/**
 * Each listed session's alerts: how many, and the worst (the most severe, the first raised of
 * those). `inList` is the backend's "session_id is one of the page's ids" condition.
 */
export const alertSummarySql = (inList: string): string => `
  SELECT session_id, n, severity, rule FROM (
    SELECT session_id, severity, rule,
           COUNT(*) OVER (PARTITION BY session_id) AS n,
           ROW_NUMBER() OVER (
             PARTITION BY session_id
             ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, alert_id
           ) AS worst
    FROM alerts WHERE ${inList}
  ) ranked WHERE worst = 1`

const alerts = columnsOf('alerts')

export const toAlertSummary = (row: Row): AlertSummary => ({
  sessionId: alerts.text(row, 'session_id'),
  count: alerts.number(row, 'n'),
  worstSeverity: alerts.oneOf(row, 'severity', SEVERITIES),
  worstRule: alerts.oneOf(row, 'rule', RULE_IDS)
})

const transcripts = columnsOf('transcripts')

/** A row of (session_id, caller, agent) snippets as the match to show, or null (no hit). */
export const toSaidMatch = (row: Row): SaidMatch | null =>
  pickSnippet(
    transcripts.text(row, 'session_id'),
    transcripts.textOrNull(row, 'caller'),
    transcripts.textOrNull(row, 'agent')
  )

/** Words of context a snippet shows around its hits. */
export const SNIPPET_WORDS = 12
