import { openPostgresDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import type { LabSession } from '../../src/shared/sessions/labSchema'

/**
 * Every session of a team database (issue #17's team mode), in the pages the app's own export
 * reads (`labPages`, ordered by session id). Opening checks the schema as a desk does (a newer
 * one is refused, a pending migration applied only with the owner's rights); the report reads
 * nothing else.
 */
export async function eachTeamSession(
  url: string,
  visit: (session: LabSession) => void
): Promise<number> {
  const database = await openPostgresDatabase({ connection: url, maxClients: 1 })
  let count = 0
  try {
    for await (const page of database.sessions.labPages({}))
      for (const session of page) {
        visit(session)
        count++
      }
  } finally {
    await database.close()
  }
  return count
}
