import type { HandlersFor } from '../../../shared/ipc/route'
import { teamRoutes } from '../../../shared/ipc/routes/teamRoutes'
import { teamServer } from '../../../shared/settings/teamSettings'
import { LATEST_SCHEMA_VERSION } from '../../database/postgres/migrations'
import type { BoardSnapshot } from '../../../shared/team/boardSnapshot'
import type { OutboxStatus } from '../../../shared/team/outboxStatus'
import type { TeamDatabaseStatus } from '../../../shared/settings/teamDatabaseStatus'
import type { TeamPasswordStore } from '../../secrets/TeamPasswordStore'
import type { CallFollowers } from '../../team/CallFollowers'
import { FAILED_REASONS } from '../../../shared/ipc/result'
import type { TeamAccess } from '../../settings/TeamAccess'
import { testTeamConnection } from '../../settings/testTeamConnection'

export interface TeamHandlerDeps {
  team: TeamAccess
  passwords: TeamPasswordStore
  /** The database this run records on (fixed at start-up). */
  database: TeamDatabaseStatus
  /** The team schema version this console writes; default: the PostgreSQL migrations' latest. */
  schemaVersion?: number
  /** The Live calls wallboard; absent when this run records on the desk's SQLite. */
  board?: () => BoardSnapshot
  /** The recording outbox's state. */
  outbox: () => OutboxStatus
  /** Team calls followed from this console; absent when this run records on the desk's SQLite. */
  followers?: CallFollowers
}

export function teamHandlers(deps: TeamHandlerDeps): HandlersFor<typeof teamRoutes> {
  const { team, passwords } = deps
  return {
    'team.status': async () => {
      const { available, reason, server } = passwords.status()
      return {
        available,
        reason,
        passwordServer: server,
        defaultSeat: team.defaultSeat,
        database: deps.database
      }
    },
    'team.setPassword': async ({ password, server }) => {
      passwords.set(password, teamServer(server))
      return { saved: true as const }
    },
    'team.clearPassword': async () => {
      passwords.clear()
      return { saved: false as const }
    },
    'team.testConnection': async ({ connection, role }) =>
      testTeamConnection({
        connection,
        role,
        password: passwords.reveal(teamServer(connection)),
        schemaVersion: deps.schemaVersion ?? LATEST_SCHEMA_VERSION
      }),
    'team.board': async () => deps.board?.() ?? null,
    'team.followCall': async ({ followId, sessionId }) => {
      if (!deps.followers) throw new Error(FAILED_REASONS.notARecordedCall)
      return deps.followers.follow(followId, sessionId)
    },
    'team.unfollowCall': async ({ followId }) => ({
      followed: deps.followers?.unfollow(followId) ?? false
    }),
    'recording.outbox': async () => deps.outbox()
  }
}
