import { writeFile } from 'node:fs/promises'
import type { HandlersFor } from '../../../shared/ipc/route'
import type { reportRoutes } from '../../../shared/ipc/routes/reportRoutes'
import type { FileDialogs } from '../../dialogs/FileDialogs'
import { nextTurn } from '../../nextTurn'
import type { ReportQueries } from '../../reports/ReportQueries'

export interface ReportHandlerDeps {
  reports: ReportQueries
  dialogs: FileDialogs
  /** Electron: the focused window's printToPDF. Absent where main has no window to print. */
  printToPdf?: () => Promise<Uint8Array>
  now?: () => number
}

/** Reports: aggregated in SQL, yielding between queries so table pages are not held up. */
export function reportHandlers(deps: ReportHandlerDeps): HandlersFor<typeof reportRoutes> {
  const now = deps.now ?? Date.now
  return {
    'reports.alerts': async ({ filter }) => deps.reports.alerts(filter),
    'reports.channels': async ({ filter }) => deps.reports.channels(filter),
    'reports.summary': async ({ filter }) => deps.reports.summary(filter, nextTurn),
    'reports.savePdf': async () => {
      if (!deps.printToPdf) return { status: 'unavailable' }
      const stamp = new Date(now()).toISOString().slice(0, 10)
      const path = await deps.dialogs.pickPdfToSave(`outdoorgear-report-${stamp}.pdf`)
      if (!path) return { status: 'cancelled' }
      const pdf = await deps.printToPdf()
      await writeFile(path, pdf)
      return { status: 'saved', path, bytes: pdf.byteLength }
    }
  }
}
