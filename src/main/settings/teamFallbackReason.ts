import type { TeamConnection } from '../../shared/settings/teamSettings'
import { NewerSchemaError } from '../database/postgres/migrate'
import { teamConnectionFailure } from './teamConnectionFailure'

/**
 * Why this run records on the desk's SQLite although team mode is chosen, in words for people:
 * the connection test's wording (password blanked out), or the schema's own message.
 */
export function teamFallbackReason(
  error: unknown,
  connection: TeamConnection,
  password: string | undefined
): string {
  const why =
    error instanceof NewerSchemaError
      ? error.message
      : teamConnectionFailure(error, connection, password).message
  return (
    `The team database could not be opened at start-up: ${why} ` +
    "This run records on this computer's database; restart the console to try the team database again."
  )
}

/**
 * Why the team database did not answer at start-up although this run records on it, in words
 * for people (password blanked out): the desk's calls wait in its outbox until it is back.
 */
export function teamUnreachableReason(
  error: unknown,
  connection: TeamConnection,
  password: string | undefined
): string {
  const why = teamConnectionFailure(error, connection, password).message
  return (
    `The team database could not be reached at start-up: ${why} ` +
    'Calls made meanwhile are kept on this computer and delivered, in order, as soon as it is back.'
  )
}
