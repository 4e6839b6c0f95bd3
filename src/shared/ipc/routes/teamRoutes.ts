import { z } from 'zod'
import { TeamConnectionTestSchema } from '../../settings/teamConnectionTest'
import { TeamDatabaseStatusSchema } from '../../settings/teamDatabaseStatus'
import { TEAM_ROLES, TeamConnectionSchema } from '../../settings/teamSettings'
import { BoardSnapshotSchema } from '../../team/boardSnapshot'
import { FollowCallInputSchema, FollowedCallSchema, FollowIdSchema } from '../../team/followedCall'
import { OutboxStatusSchema } from '../../team/outboxStatus'
import { route } from '../route'

const Server = z
  .object({
    host: z.string().trim().min(1, 'empty value').max(255),
    port: z.number().int().min(1).max(65535)
  })
  .strict()

export const teamRoutes = {
  /** Whether a team password can be sealed here and which server one is saved for: never the password. */
  'team.status': route({
    input: z.object({}).strict(),
    output: z
      .object({
        available: z.boolean(),
        reason: z.string().nullable(),
        /** host:port the saved password is for; null: none saved. */
        passwordServer: z.string().nullable(),
        /** The seat used when Settings leaves it empty (the OS user name). */
        defaultSeat: z.string(),
        /** The database this run records on (chosen at start-up), and why not the team's. */
        database: TeamDatabaseStatusSchema
      })
      .strict()
  }),
  /** Write-only: sealed in main for the server typed beside it, never returned. */
  'team.setPassword': route({
    input: z
      .object({ password: z.string().min(1, 'empty value').max(1000), server: Server })
      .strict(),
    output: z.object({ saved: z.literal(true) }).strict()
  }),
  'team.clearPassword': route({
    input: z.object({}).strict(),
    output: z.object({ saved: z.literal(false) }).strict()
  }),
  /** Connects with these fields (the form's, saved or not) and the password saved for their server. */
  'team.testConnection': route({
    input: z.object({ connection: TeamConnectionSchema, role: z.enum(TEAM_ROLES) }).strict(),
    output: TeamConnectionTestSchema
  }),
  /** The Live calls wallboard now; null when this run does not record on the team database. */
  'team.board': route({
    input: z.object({}).strict(),
    output: BoardSnapshotSchema.nullable()
  }),
  /**
   * Follows one team call (any seat may: the wallboard is everyone's): its recorded inputs so
   * far, then each stored batch, arrive as `team.callRecorded` chunks named by `followId`, until
   * the call ends or `team.unfollowCall`. Answers with the call's row once the catch-up is sent.
   */
  'team.followCall': route({ input: FollowCallInputSchema, output: FollowedCallSchema }),
  /** The view closed: no more chunks for `followId` (false: it was not followed, or ended). */
  'team.unfollowCall': route({
    input: z.object({ followId: FollowIdSchema }).strict(),
    output: z.object({ followed: z.boolean() }).strict()
  }),
  /** The recording outbox: writes waiting for the session database, and whether it is away. */
  'recording.outbox': route({
    input: z.object({}).strict(),
    output: OutboxStatusSchema
  })
}
