import type { HandlersFor } from '../../../shared/ipc/route'
import type { AppSettings } from '../../../shared/settings/settingsSchema'
import { settingsRoutes } from '../../../shared/ipc/routes/settingsRoutes'
import { providerEndpoints } from '../../realtime/providerEndpoints'
import { testConnection } from '../../realtime/testConnection'
import type { SecretStore } from '../../secrets/SecretStore'
import { applyKeyForNewOrigin, originForNewKey } from '../../settings/keyOriginOnSave'
import type { SettingsStore } from '../../settings/SettingsStore'

export interface SettingsHandlerDeps {
  settings: SettingsStore
  secrets: SecretStore
  fetchImpl?: typeof fetch
  /** After settings are saved (the catalog switches embedding providers). */
  onSaved?: (settings: AppSettings) => void
  /** After an API key is stored. */
  onKeySaved?: () => void
}

export function settingsHandlers(deps: SettingsHandlerDeps): HandlersFor<typeof settingsRoutes> {
  const { settings, secrets } = deps
  return {
    'settings.get': async () => ({ settings: settings.get(), problem: settings.problem }),
    'settings.save': async ({ keyForNewOrigin, ...next }) => {
      // A key never follows an endpoint to another origin unasked (issue #15, point 3).
      applyKeyForNewOrigin(next, secrets, keyForNewOrigin)
      const saved = settings.save(next)
      deps.onSaved?.(saved)
      if (keyForNewOrigin) deps.onKeySaved?.()
      return saved
    },
    'settings.testConnection': async () => {
      const current = settings.get()
      const { secretName } = providerEndpoints(current.provider, current.model)
      return testConnection(current, secrets.get(secretName), deps.fetchImpl)
    },
    'secrets.status': async () => secrets.status(),
    'secrets.setApiKey': async ({ name, key, endpoint }) => {
      secrets.set(name, key, originForNewKey(name, endpoint, settings.get()))
      deps.onKeySaved?.()
      return { stored: true as const }
    },
    'secrets.clearApiKey': async ({ name }) => {
      secrets.delete(name)
      return { stored: false as const }
    }
  }
}
