import type { HandlersFor } from '../../../shared/ipc/route'
import { appRoutes } from '../../../shared/ipc/routes/appRoutes'

export interface AppInfo {
  version: string
  dataDir: string
  runtime: 'electron' | 'harness'
}

export const appHandlers = (info: AppInfo): HandlersFor<typeof appRoutes> => ({
  'app.info': async () => info
})
