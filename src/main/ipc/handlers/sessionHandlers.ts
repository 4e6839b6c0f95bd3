import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { HandlersFor } from '../../../shared/ipc/route'
import { sessionRoutes } from '../../../shared/ipc/routes/sessionRoutes'
import { LabReportAccumulator } from '../../../shared/analytics/labReport'
import type { Events } from '../../../shared/ipc/contract'
import { FAILED_REASONS } from '../../../shared/ipc/result'
import type { FacetColumn } from '../../../shared/sessions/sessionQuery'
import type { FileDialogs } from '../../dialogs/FileDialogs'
import { nextTurn } from '../../nextTurn'
import type { SessionImporter } from '../../sessions/SessionImporter'
import type { SessionStore } from '../../sessions/SessionStore'
import { writeSessionsCsv } from '../../sessions/writeSessionsCsv'

export interface SessionHandlerDeps {
  store: SessionStore
  /** The filters' choices (Reports keeps the columns they come from in memory). */
  facets: () => Promise<Record<FacetColumn, string[]>>
  importer: SessionImporter
  dialogs: FileDialogs
  emit: <E extends keyof Events>(name: E, payload: Events[E]) => void
  now?: () => number
}

/** Import tokens stand for paths the user picked in main's dialog: the renderer never names a path. */
export function sessionHandlers(deps: SessionHandlerDeps): HandlersFor<typeof sessionRoutes> {
  const picked = new Map<string, string>()
  const now = deps.now ?? Date.now

  return {
    'sessions.list': async ({ filter, sort, offset, limit }) =>
      deps.store.list(filter, sort, offset, limit),

    'sessions.facets': () => deps.facets(),

    'sessions.pickImportFile': async () => {
      const path = await deps.dialogs.pickCsvToOpen()
      if (!path) return null
      const token = randomUUID()
      picked.set(token, path)
      return { token, fileName: basename(path) }
    },

    'sessions.importFile': async ({ token, onConflict }) => {
      const path = picked.get(token)
      if (!path) throw new Error(FAILED_REASONS.fileNoLongerSelected)
      const outcome = await deps.importer.importFile(path, onConflict)
      if (outcome.status === 'imported') {
        picked.delete(token)
        deps.emit('sessions.changed', {
          reason: 'imported',
          count: outcome.inserted + outcome.replaced
        })
      }
      return outcome
    },

    'sessions.removeSample': async () => {
      const removed = await deps.store.removeSample()
      if (removed > 0) deps.emit('sessions.changed', { reason: 'removed', count: removed })
      return { removed }
    },

    'sessions.exportCsv': async ({ filter, extended }) => {
      const stamp = new Date(now()).toISOString().slice(0, 10)
      const path = await deps.dialogs.pickCsvToSave(`voice_sessions-${stamp}.csv`)
      if (!path) return { status: 'cancelled' }
      const rows = await writeSessionsCsv(deps.store.iterate(filter), path, extended)
      return { status: 'saved', path, rows }
    },

    'analytics.labReport': async ({ filter, maxListed }) => {
      // A page of 5,000 sessions at a time, yielding between pages: at 100k+ sessions the
      // table's page requests are answered while the report is still being computed.
      const report = new LabReportAccumulator()
      for await (const page of deps.store.labPages(filter)) {
        for (const session of page) report.add(session)
        await nextTurn()
      }
      return report.page(maxListed)
    }
  }
}
