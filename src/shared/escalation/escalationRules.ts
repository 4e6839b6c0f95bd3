import { z } from 'zod'
import { EscalationThresholdsSchema } from './thresholds'

// The escalation rules as Monitor → Rules shows them and the live rules apply them: a desk's
// own (settings.json), or in team mode the team's (the team database's escalation_rules).

/** team: the team database; desk: this desk's settings.json. */
export const RULES_PLACES = ['team', 'desk'] as const

export const EscalationRulesSchema = z
  .object({
    thresholds: EscalationThresholdsSchema,
    /** Where a save goes: the team's rules in team mode, else this desk's settings. */
    mode: z.enum(RULES_PLACES),
    /** Where `thresholds` come from: the desk's until the team has saved rules (or when they are unusable). */
    source: z.enum(RULES_PLACES),
    /** The seat and ISO time of the team's latest change; null for a desk's own rules. */
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
    /**
     * Why the team's rules are not (or not freshly) in use. invalid: rows the app's schema refuses
     * (detail: which and why), never applied; unreadable: the last read failed (details in main's
     * log), the rules read before it, if any, still apply.
     */
    problem: z
      .object({ reason: z.enum(['invalid', 'unreadable']), detail: z.string().nullable() })
      .strict()
      .nullable()
  })
  .strict()
export type EscalationRules = z.output<typeof EscalationRulesSchema>
export type RulesProblem = NonNullable<EscalationRules['problem']>
