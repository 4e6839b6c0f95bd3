import { FAILED_REASONS } from '../../shared/ipc/result'
import { isConnectionLost } from '../database/postgres/isConnectionLost'

type Handler = (input: never, caller: never) => Promise<unknown>

/**
 * Handlers that read or write the team database, with a lost connection said as such: "the team
 * database cannot be reached, nothing was changed" in the UI's language, rather than the driver's
 * ECONNREFUSED read as a file error. Only for the database's handlers: a provider's network
 * failure elsewhere must not be blamed on the team database.
 */
export function wordTeamDatabaseFailures<H extends Record<string, Handler>>(handlers: H): H {
  const worded: Record<string, Handler> = {}
  for (const [name, handler] of Object.entries(handlers))
    worded[name] = async (input, caller) => {
      try {
        return await handler(input, caller)
      } catch (error) {
        if (isConnectionLost(error))
          throw new Error(FAILED_REASONS.teamDatabaseAway, { cause: error })
        throw error
      }
    }
  return worded as H
}
