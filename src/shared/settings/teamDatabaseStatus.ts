import { z } from 'zod'

/**
 * Which session database this run of the console records on, chosen at start-up: this desk's
 * SQLite file, or the team's PostgreSQL. `fallbackReason`: team mode is chosen but the team
 * database could not be opened at start-up, so this run records on the desk's SQLite instead
 * (in words for people, the password never in it); null otherwise.
 */
export const TeamDatabaseStatusSchema = z
  .object({
    backend: z.enum(['sqlite', 'postgres']),
    fallbackReason: z.string().nullable()
  })
  .strict()
export type TeamDatabaseStatus = z.output<typeof TeamDatabaseStatusSchema>
