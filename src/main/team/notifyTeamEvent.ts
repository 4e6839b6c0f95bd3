import type { TeamEvent } from '../../shared/team/teamEvents'
import { encodeTeamEvent } from '../../shared/team/teamEventWire'

/** The team channel's name in PostgreSQL (LISTEN/NOTIFY). */
export const TEAM_CHANNEL = 'team_events'

/** What can run one parameterized statement: a pg Pool, Client or a transaction's client. */
export interface Queryable {
  query(text: string, values: unknown[]): Promise<unknown>
}

/**
 * NOTIFY one team event on `db`. Inside a transaction PostgreSQL delivers it at COMMIT and drops
 * it on ROLLBACK, so a writer that stores an alert and announces it in one transaction never
 * announces an alert that was not stored. Throws before sending when the event is invalid or
 * over NOTIFY's payload limit.
 */
export async function notifyTeamEvent(
  db: Queryable,
  event: TeamEvent,
  channel: string = TEAM_CHANNEL
): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [channel, encodeTeamEvent(event)])
}
