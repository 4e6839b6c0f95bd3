import { z } from 'zod'

export const TEAM_CONNECTION_FAILURES = [
  'no_password',
  'auth_failed',
  'unreachable',
  'timeout',
  'tls_required',
  'tls_unsupported',
  'tls_untrusted',
  'ca_unreadable',
  'no_database',
  'refused'
] as const
export type TeamConnectionFailure = (typeof TEAM_CONNECTION_FAILURES)[number]

const Grant = z
  .object({ table: z.string(), privilege: z.string(), granted: z.boolean().nullable() })
  .strict()
const Problem = z
  .object({ table: z.string(), privilege: z.string(), kind: z.enum(['missing', 'excess']) })
  .strict()

/**
 * The outcome of Settings → Team → Test connection. `message` is main's English (logs, tests);
 * the UI words it by `kind` and the fields beside it. Nothing here ever holds the password.
 */
export const TeamConnectionTestSchema = z.discriminatedUnion('ok', [
  z
    .object({
      ok: z.literal(true),
      ms: z.number(),
      /** The connection, as a URL without its password. */
      url: z.string(),
      serverVersion: z.string(),
      /** absent: no schema_migrations table; newer: written by a newer console than this one. */
      schema: z
        .object({
          state: z.enum(['absent', 'present', 'older', 'current', 'newer']),
          version: z.number().int().nullable()
        })
        .strict(),
      privileges: z.array(Grant),
      problems: z.array(Problem),
      message: z.string()
    })
    .strict(),
  z
    .object({
      ok: z.literal(false),
      kind: z.enum(TEAM_CONNECTION_FAILURES),
      url: z.string(),
      /** The server's or the network's own words, with the password (if any) blanked out. */
      detail: z.string().optional(),
      message: z.string()
    })
    .strict()
])
export type TeamConnectionTest = z.output<typeof TeamConnectionTestSchema>
