import { z } from 'zod'

/**
 * Which session database this run of the console records on, chosen at start-up: this desk's
 * SQLite file, or the team's PostgreSQL. `fallbackReason`: team mode is chosen but the team
 * database could not be opened at start-up, so this run records on the desk's SQLite instead
 * (in words for people, the password never in it); null otherwise. `unreachableReason`: this
 * run records on the team database, which could not be reached at start-up and has not been
 * since (calls wait in the desk's outbox); null once it answers.
 */
export const TeamDatabaseStatusSchema = z
  .object({
    backend: z.enum(['sqlite', 'postgres']),
    fallbackReason: z.string().nullable(),
    unreachableReason: z.string().nullable()
  })
  .strict()
export type TeamDatabaseStatus = z.output<typeof TeamDatabaseStatusSchema>
