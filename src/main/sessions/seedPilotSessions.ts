import type { SessionImporter } from './SessionImporter'
import type { SessionStore } from './SessionStore'

const SEEDED_KEY = 'pilot_seeded_at'

/**
 * First run only: loads the 15 pilot sessions shipped in resources/. Remembered in meta, so a
 * user who deletes them does not get them back on the next start.
 */
export async function seedPilotSessions(
  store: SessionStore,
  importer: SessionImporter,
  pilotCsvPath: string,
  now: () => number = Date.now
): Promise<number> {
  if (await store.getMeta(SEEDED_KEY)) return 0
  const outcome = await importer.importFile(pilotCsvPath, 'skip', 'seed')
  if (outcome.status !== 'imported') {
    const first = outcome.issues[0]
    throw new Error(
      `The shipped pilot file ${pilotCsvPath} is invalid` +
        (first ? ` (row ${first.row}, ${first.column}: ${first.reason})` : '')
    )
  }
  await store.setMeta(SEEDED_KEY, new Date(now()).toISOString())
  return outcome.inserted
}
