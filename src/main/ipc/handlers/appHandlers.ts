import type { HandlersFor } from '../../../shared/ipc/route'
import { appRoutes } from '../../../shared/ipc/routes/appRoutes'
import type { LeavePrompts } from '../../windows/LeavePrompts'

export interface AppInfo {
  version: string
  dataDir: string
  runtime: 'electron' | 'harness'
}

export const appHandlers = (
  info: AppInfo,
  leavePrompts: LeavePrompts
): HandlersFor<typeof appRoutes> => ({
  'app.info': async () => info,
  'app.leavePrompt': async ({ prompt }, caller) => {
    leavePrompts.set(caller.windowId, prompt)
    return null
  }
})
