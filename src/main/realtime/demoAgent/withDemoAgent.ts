import type { AppHandlers } from '../../ipc/dispatch'
import type { AppSettings } from '../../../shared/settings/settingsSchema'
import { keyInMemory } from '../../secrets/keyForRequest'
import { networkCause } from '../apiError'
import { hangupCall } from '../hangupCall'
import { startCall } from '../startCall'
import { testConnection } from '../testConnection'
import type { DemoAgent, DemoAgentTarget } from './DemoAgent'
import { demoCallSettings } from './demoCallSettings'

export interface DemoAgentRouteDeps {
  demoAgent: DemoAgent
  settings: () => AppSettings
  fetchImpl?: typeof fetch
}

type Routed = 'realtime.startCall' | 'realtime.hangup' | 'settings.testConnection'

/**
 * Routes calls, hang-ups and connection tests to the demo agent while it is the chosen provider
 * (started on first use, with its own key); every other provider keeps the given handlers.
 */
export function withDemoAgent(handlers: AppHandlers, deps: DemoAgentRouteDeps): AppHandlers {
  const { demoAgent, fetchImpl } = deps
  const demo = (): AppSettings | null => {
    const current = deps.settings()
    return current.provider.kind === 'demo' ? current : null
  }
  const routed: Pick<AppHandlers, Routed> = {
    'realtime.startCall': async (input, caller) => {
      const settings = demo()
      if (!settings) return handlers['realtime.startCall'](input, caller)
      const target = await reach(demoAgent)
      if ('message' in target) return { ok: false, kind: 'unreachable', message: target.message }
      const result = await startCall({
        settings: demoCallSettings(settings, target),
        key: keyInMemory(target.key, target.baseUrl),
        offerSdp: input.offerSdp,
        fetchImpl
      })
      // The simulator is reached like a custom endpoint; the call is still the demo's.
      return result.ok ? { ...result, provider: 'demo' as const } : result
    },
    'realtime.hangup': async (input, caller) => {
      const settings = demo()
      if (!settings) return handlers['realtime.hangup'](input, caller)
      // A demo agent that is not running has no call left to end.
      if (!demoAgent.started) return { ended: true }
      const target = await reach(demoAgent)
      if ('message' in target) return { ended: true }
      const key = keyInMemory(target.key, target.baseUrl)
      return hangupCall(demoCallSettings(settings, target), key, input.callId, fetchImpl)
    },
    'settings.testConnection': async (input, caller) => {
      const settings = demo()
      if (!settings) return handlers['settings.testConnection'](input, caller)
      const target = await reach(demoAgent)
      if ('message' in target) return { ok: false, kind: 'unreachable', message: target.message }
      const key = keyInMemory(target.key, target.baseUrl)
      return testConnection(demoCallSettings(settings, target), key, fetchImpl)
    }
  }
  return { ...handlers, ...routed }
}

async function reach(demoAgent: DemoAgent): Promise<DemoAgentTarget | { message: string }> {
  try {
    return await demoAgent.target()
  } catch (error) {
    return { message: `The demo agent could not start (${networkCause(error)}).` }
  }
}
