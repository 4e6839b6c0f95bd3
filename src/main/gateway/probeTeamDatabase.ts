import type { SessionDatabase } from '../database/SessionDatabase'

/** How long /healthz waits for the team database before saying it does not answer. */
export const PROBE_TIMEOUT_MS = 2_000

/** Whether the team database answers a cheap read now (one key lookup in `meta`). */
export async function probeTeamDatabase(
  database: Pick<SessionDatabase, 'sessions'>,
  timeoutMs = PROBE_TIMEOUT_MS
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  try {
    return await Promise.race([database.sessions.version().then(() => true), late])
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}
