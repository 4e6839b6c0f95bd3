import type { HandlersFor } from '../../../shared/ipc/route'
import { realtimeRoutes } from '../../../shared/ipc/routes/realtimeRoutes'
import { hangupCall } from '../../realtime/hangupCall'
import { providerEndpoints } from '../../realtime/providerEndpoints'
import { startCall } from '../../realtime/startCall'
import { startLiveCall } from '../../realtime/startLiveCall'
import { providerEngine } from '../../../shared/settings/settingsSchema'
import type { BoundKey } from '../../secrets/keyForRequest'
import type { SecretStore } from '../../secrets/SecretStore'
import type { SettingsStore } from '../../settings/SettingsStore'

export interface RealtimeHandlerDeps {
  settings: SettingsStore
  secrets: SecretStore
  fetchImpl?: typeof fetch
}

export function realtimeHandlers(deps: RealtimeHandlerDeps): HandlersFor<typeof realtimeRoutes> {
  // The stored key with its origin: startCall and hangupCall check it against their URL.
  const keyFor = (): { current: ReturnType<SettingsStore['get']>; key: BoundKey | undefined } => {
    const current = deps.settings.get()
    const { secretName } = providerEndpoints(current.provider, current.model)
    return { current, key: deps.secrets.get(secretName) }
  }
  return {
    'realtime.startCall': async ({ offerSdp }) => {
      const { current, key } = keyFor()
      const start = providerEngine(current.provider) === 'live' ? startLiveCall : startCall
      return start({ settings: current, key, offerSdp, fetchImpl: deps.fetchImpl })
    },
    'realtime.hangup': async ({ callId }) => {
      const { current, key } = keyFor()
      // A GPT-Live WebRTC session ends with the page's session.close (its REST hang-up is for
      // SIP calls): nothing to do here.
      if (providerEngine(current.provider) === 'live') return { ended: false }
      return hangupCall(current, key, callId, deps.fetchImpl)
    }
  }
}
