import type { PostgresSessionDatabase } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import { createDispatch, type AppHandlers } from '../../../src/main/ipc/dispatch'
import { reportHandlers } from '../../../src/main/ipc/handlers/reportHandlers'
import { sessionHandlers } from '../../../src/main/ipc/handlers/sessionHandlers'
import { ReportQueries } from '../../../src/main/reports/ReportQueries'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../../src/main/sessions/SessionStore'

const noDialogs = {
  pickCsvToOpen: async () => null,
  pickCsvToSave: async () => null,
  pickPdfToSave: async () => null,
  pickCatalogFileToOpen: async () => null
}
const sender = { windowId: 1, url: 'app://bench', isTopFrame: true }

/** A request through the chokepoint (zod in, handler, zod out); throws on a failure. */
export type Ask = (route: string, input: unknown) => Promise<unknown>

/**
 * The Reports and Sessions routes of a console in team mode, on `db`, behind the IPC chokepoint
 * as main runs them. Each call is a console just started: its ReportQueries has read nothing.
 */
export function consoleRoutes(db: PostgresSessionDatabase): Ask {
  const reports = new ReportQueries(db)
  const handlers = {
    ...reportHandlers({ reports, dialogs: noDialogs }),
    ...sessionHandlers({
      // As main builds it in team mode: pages from the report columns once they are current.
      store: new SessionStore(db, () => reports.peek()),
      facets: () => reports.facets(),
      importer: new SessionImporter(db),
      dialogs: noDialogs,
      emit: () => undefined
    })
  } as unknown as AppHandlers
  const dispatch = createDispatch(handlers, () => true)
  return async (route, input) => {
    const result = await dispatch(sender, route, input)
    if (!result.ok) throw new Error(`${route}: ${result.error.message}`)
    return result.data
  }
}

/** Milliseconds `work` takes. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}
