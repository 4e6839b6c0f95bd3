import { z } from 'zod'

// Team mode's settings (settings.json `team`): which database this desk uses, and who it is.
// The password is not here: main keeps it sealed (TeamPasswordStore), the renderer never sees it.

export const TEAM_MODES = ['desk', 'team'] as const
export const TEAM_ROLES = ['agent', 'supervisor'] as const
export const SSL_MODES = ['disable', 'require', 'verify-full'] as const
export type TeamMode = (typeof TEAM_MODES)[number]
export type TeamRole = (typeof TEAM_ROLES)[number]
export type SslMode = (typeof SSL_MODES)[number]

/** A seat names a desk on the team's records: letters, digits and . _ @ - only. */
export const SeatNameSchema = z
  .string()
  .trim()
  .max(63)
  .regex(/^[\p{L}\p{N}._@-]*$/u, 'letters, digits and . _ @ - only')

export const TeamConnectionSchema = z
  .object({
    host: z
      .string()
      .trim()
      .max(255)
      .regex(/^[A-Za-z0-9._:[\]-]*$/, 'a host name or IP address'),
    port: z.number().int().min(1).max(65535),
    database: z.string().trim().max(63),
    user: z.string().trim().max(63),
    /** disable: plain TCP; require: TLS, any certificate; verify-full: TLS, checked cert and name. */
    sslmode: z.enum(SSL_MODES),
    /** verify-full: a CA file (PEM) to trust besides the system's; empty = the system's only. */
    caFile: z.string().trim().max(1000)
  })
  .strict()
export type TeamConnection = z.output<typeof TeamConnectionSchema>

export const TeamSettingsSchema = z
  .object({
    /** desk: this desk's SQLite file only (the default); team: the team's PostgreSQL. */
    mode: z.enum(TEAM_MODES),
    connection: TeamConnectionSchema,
    /** This desk's seat; empty = the OS user name (main fills it in, see TeamIdentity). */
    seat: SeatNameSchema,
    role: z.enum(TEAM_ROLES)
  })
  .strict()
  .superRefine((team, context) => {
    if (team.mode !== 'team') return
    for (const field of ['host', 'database', 'user'] as const)
      if (team.connection[field] === '')
        context.addIssue({ code: 'custom', path: ['connection', field], message: 'empty value' })
  })
export type TeamSettings = z.output<typeof TeamSettingsSchema>

export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  mode: 'desk',
  connection: {
    host: '',
    port: 5432,
    database: 'voice_console',
    user: '',
    sslmode: 'require',
    caFile: ''
  },
  seat: '',
  role: 'agent'
}

/** The server a password is saved for: it is sent to no other. */
export const teamServer = (connection: Pick<TeamConnection, 'host' | 'port'>): string =>
  `${connection.host.toLowerCase()}:${connection.port}`
