import { z } from 'zod'
import { IMPORT_ISSUE_CODES, IMPORT_WARNING_CODES } from './importIssueCodes'

const n = z.number()

/** Values an import problem's sentence needs; the UI formats the numbers in its language. */
export const IssueParamsSchema = z.record(z.string(), z.union([z.string(), n]))
/**
 * One import problem: where, main's English reason, and the code and values the UI words it
 * with in its language.
 */
export const IssueSchema = z
  .object({
    row: n,
    column: z.string(),
    reason: z.string(),
    code: z.enum(IMPORT_ISSUE_CODES).optional(),
    params: IssueParamsSchema.optional()
  })
  .strict()
const WarningSchema = z
  .object({
    column: z.string(),
    message: z.string(),
    count: n,
    firstRows: z.array(n),
    code: z.enum(IMPORT_WARNING_CODES).optional(),
    params: IssueParamsSchema.optional()
  })
  .strict()

export const ImportOutcomeSchema = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('imported'),
      fileName: z.string(),
      inserted: n,
      replaced: n,
      skipped: n,
      warnings: z.array(WarningSchema)
    })
    .strict(),
  z
    .object({
      status: z.literal('rejected'),
      fileName: z.string(),
      issues: z.array(IssueSchema),
      issueCount: n,
      /** Issues that are only ids already in the database: the user may skip or replace them. */
      conflictCount: n,
      warnings: z.array(WarningSchema)
    })
    .strict()
])
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>
