import type { BacktestResult, RuleBacktest } from '../../shared/escalation/backtestSchema'
import { CELLS } from '../../shared/escalation/backtestSchema'
import {
  addToCell,
  cellOf,
  emptyCells,
  evaluatedOf,
  scores,
  type Cells
} from '../../shared/escalation/confusionTally'
import { alertsOfCall } from '../../shared/escalation/escalationEngine'
import { RULE_IDS, RULES, type RuleId } from '../../shared/escalation/rules'
import type { EscalationThresholds } from '../../shared/escalation/thresholds'
import { replayCall } from '../../shared/live-call/callReducer'
import type { SessionFilter } from '../../shared/sessions/sessionQuery'
import type { SessionDatabase } from '../database/SessionDatabase'
import { callSentimentReader } from './callSentimentReader'
import { storedCallInputs } from './storedCallInputs'

/** Which thresholds section switches a rule on. */
const SECTION: Record<RuleId, keyof EscalationThresholds> = {
  interruptions_total: 'interruptions',
  interruptions_burst: 'interruptions',
  human_request: 'humanRequest',
  negative_sentiment: 'sentiment',
  latency: 'latency',
  tool_trouble: 'tools'
}

export const SESSION_LEVEL_NOTE =
  'Imported and CSV rows carry counts only (no turns, no transcript): only "Interruptions in ' +
  'the call" applies to them; the other rules are evaluated on live calls replayed event by event.'

/**
 * Runs the escalation rules over recorded sessions and scores them against negative sentiment.
 * Rows with stored events (live calls) are replayed through the call reducer and the same rules
 * engine as a live call; the others are counted where they are stored, on their `interruptions`
 * column.
 */
export class EscalationBacktest {
  constructor(
    private readonly database: SessionDatabase,
    /** Lets other requests through between replayed calls (a backtest over many can take a while). */
    private readonly yieldNow: () => Promise<void> = async () => {}
  ) {}

  async run(thresholds: EscalationThresholds, filter: SessionFilter = {}): Promise<BacktestResult> {
    const enabled = (rule: RuleId): boolean => thresholds[SECTION[rule]].enabled
    const perRule = Object.fromEntries(RULE_IDS.map((r) => [r, emptyCells()])) as Record<
      RuleId,
      Cells
    >
    const combined = emptyCells()

    const counted = await this.database.backtest.sessionLevelCells(
      filter,
      thresholds.interruptions.total
    )
    const sessionLevel = CELLS.reduce((sum, cell) => sum + counted.counts[cell], 0)
    if (enabled('interruptions_total'))
      for (const cell of CELLS) {
        addToCell(perRule.interruptions_total, cell, counted.counts[cell], counted.ids[cell])
        addToCell(combined, cell, counted.counts[cell], counted.ids[cell])
      }

    const live = await this.database.backtest.sessionsWithEvents(filter)
    for (const [i, session] of live.entries()) {
      if (i > 0 && i % 20 === 0) await this.yieldNow()
      const call = replayCall(await storedCallInputs(this.database, session.session_id))
      // A model-read call is judged on the verdicts recorded with it, as it was live.
      const reader = await callSentimentReader(this.database, session.session_id)
      const fired = new Set(alertsOfCall(call.events, thresholds, reader).map((a) => a.rule))
      const negative = session.sentiment === 'negative'
      for (const rule of RULE_IDS)
        if (enabled(rule))
          addToCell(perRule[rule], cellOf(fired.has(rule), negative), 1, [session.session_id])
      if (RULE_IDS.some(enabled))
        addToCell(combined, cellOf(fired.size > 0, negative), 1, [session.session_id])
    }

    const total = sessionLevel + live.length
    const score = (rule: RuleId | 'combined', cells: Cells, on: boolean): RuleBacktest => ({
      rule,
      label: rule === 'combined' ? 'Any rule' : RULES[rule].label,
      enabled: on,
      evaluated: evaluatedOf(cells),
      notEvaluated: total - evaluatedOf(cells),
      cells,
      ...scores(cells)
    })
    return {
      sessions: total,
      sessionLevel,
      turnLevel: live.length,
      actual: 'negative sentiment',
      rules: RULE_IDS.map((rule) => score(rule, perRule[rule], enabled(rule))),
      combined: score('combined', combined, RULE_IDS.some(enabled)),
      notes: sessionLevel > 0 ? [SESSION_LEVEL_NOTE] : []
    }
  }
}
