import { z } from 'zod'
import { SessionFilter } from '../sessions/sessionQuery'
import { RULE_IDS } from './rules'
import { EscalationThresholdsSchema } from './thresholds'

// What a backtest answers: for each rule and for all rules together, the confusion matrix of
// "the rule flagged the session" against "the session's sentiment is negative".

/** Session ids listed per matrix cell at most (the counts are always complete). */
export const MAX_CELL_IDS = 500

export const CELLS = ['tp', 'fp', 'fn', 'tn'] as const
export type Cell = (typeof CELLS)[number]

const CellSchema = z
  .object({
    count: z.number().int().min(0),
    /** The first sessions of the cell by id, at most MAX_CELL_IDS. */
    sessionIds: z.array(z.string()).max(MAX_CELL_IDS)
  })
  .strict()
export type CellTally = z.infer<typeof CellSchema>

export const RuleBacktestSchema = z
  .object({
    rule: z.union([z.enum(RULE_IDS), z.literal('combined')]),
    label: z.string(),
    enabled: z.boolean(),
    /** Sessions this rule could be applied to (session-level rows only for count-based rules). */
    evaluated: z.number().int().min(0),
    notEvaluated: z.number().int().min(0),
    cells: z.object({ tp: CellSchema, fp: CellSchema, fn: CellSchema, tn: CellSchema }).strict(),
    /** null when the rule flagged nothing (tp + fp = 0). */
    precision: z.number().min(0).max(1).nullable(),
    /** null when no evaluated session is negative (tp + fn = 0). */
    recall: z.number().min(0).max(1).nullable()
  })
  .strict()
export type RuleBacktest = z.infer<typeof RuleBacktestSchema>

export const BacktestInputSchema = z
  .object({ thresholds: EscalationThresholdsSchema, filter: SessionFilter.optional() })
  .strict()

export const BacktestResultSchema = z
  .object({
    sessions: z.number().int().min(0),
    /** Rows with only the lab's counts (seed, CSV imports, live calls with no stored events). */
    sessionLevel: z.number().int().min(0),
    /** Live calls replayed event by event through the reducer and the rules. */
    turnLevel: z.number().int().min(0),
    /** What "actual" means: sentiment = 'negative'. */
    actual: z.literal('negative sentiment'),
    rules: z.array(RuleBacktestSchema),
    combined: RuleBacktestSchema,
    notes: z.array(z.string())
  })
  .strict()
export type BacktestResult = z.infer<typeof BacktestResultSchema>
