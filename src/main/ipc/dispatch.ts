import type { z } from 'zod'
import { RouteName, routes } from '../../shared/ipc/contract'
import { toIpcIssue } from '../../shared/ipc/ipcIssue'
import type { IpcFailure, Result } from '../../shared/ipc/result'
import type { Caller, HandlersFor } from '../../shared/ipc/route'
import { failureMessage } from './failureMessage'

/** Who sent a request, as the Electron glue (or the browser harness) saw it. */
export interface Sender {
  windowId: number | null
  /** URL of the frame that sent the request. */
  url: string
  /** False for subframes: only the app's top frame may call main. */
  isTopFrame: boolean
}

export type AppHandlers = HandlersFor<typeof routes>
export type Dispatch = (sender: Sender, name: unknown, raw: unknown) => Promise<Result<unknown>>

const fail = (
  code: IpcFailure['code'],
  message: string,
  invalid?: { issues: z.core.$ZodIssue[]; raw: unknown }
): Result<never> => ({
  ok: false,
  error: {
    code,
    message,
    ...(invalid && { issues: invalid.issues.map((i) => toIpcIssue(i, invalid.raw)) })
  }
})

/** Enough of an unknown route's name to recognise it, never a page of it. */
const MAX_ECHOED_NAME = 80

/**
 * The one chokepoint between renderer and main: sender check → route lookup → zod parse of the
 * input → handler → zod parse of the output. Errors travel as data, worded by failureMessage.
 */
export function createDispatch(
  handlers: AppHandlers,
  isTrusted: (sender: Sender) => boolean,
  log: (message: string, error: unknown) => void = console.error
): Dispatch {
  return async (sender, name, raw) => {
    if (!isTrusted(sender)) return fail('forbidden', 'Request refused: unknown sender')
    // The name is checked before anything reads it (String() of a crafted object could throw).
    if (typeof name !== 'string') return fail('unknown_route', 'The route name must be a string')
    if (!Object.hasOwn(routes, name))
      return fail('unknown_route', `Unknown route: ${name.slice(0, MAX_ECHOED_NAME)}`)
    const route = routes[name as RouteName]
    const parsed = route.input.safeParse(raw)
    if (!parsed.success)
      return fail('invalid_input', `Invalid input for ${name}`, {
        issues: parsed.error.issues,
        raw
      })
    const caller: Caller = { windowId: sender.windowId }
    try {
      const handler = handlers[name as RouteName] as (i: unknown, c: Caller) => Promise<unknown>
      const output = route.output.safeParse(await handler(parsed.data, caller))
      if (!output.success) {
        log(`Handler ${name} returned data outside its contract`, output.error)
        return fail('invalid_output', `Internal error in ${name}`)
      }
      return { ok: true, data: output.data }
    } catch (error) {
      log(`Handler ${name} failed`, error)
      // Details stay in main's log; the renderer gets a message without system text or paths.
      return fail('failed', failureMessage(error))
    }
  }
}
