import {
  keyOriginChange,
  keyTarget,
  OPENAI_ORIGIN,
  originOf
} from '../../shared/settings/keyOrigin'
import type { AppSettings } from '../../shared/settings/settingsSchema'
import type { SecretName, SecretStore } from '../secrets/SecretStore'

/** How a save that moves a stored key to another origin may go on (see settings.save). */
export type KeyForNewOrigin = { apiKey: string } | { confirmOrigin: string }

/**
 * Before settings are saved: if the provider's endpoint is on another origin than its stored
 * key was entered for, either store the key typed again (bound to the new origin) or, when the
 * user confirmed the new origin by name, move the stored key to it; otherwise refuse, naming
 * both. Runs before the settings are written, so a refusal changes nothing.
 */
export function applyKeyForNewOrigin(
  next: AppSettings,
  secrets: SecretStore,
  given: KeyForNewOrigin | undefined
): void {
  const target = keyTarget(next.provider)
  if (given && 'apiKey' in given) {
    if (!target) throw new Error('The demo agent takes no key: nothing was saved.')
    return secrets.set(target.name, given.apiKey, target.origin)
  }
  if (given && given.confirmOrigin !== target?.origin)
    throw new Error(
      `The confirmation names ${given.confirmOrigin}, but the endpoint is on ${target?.origin ?? 'no origin'}: nothing was saved.`
    )
  const change = keyOriginChange(next.provider, secrets.status())
  if (!change) return
  if (!given)
    throw new Error(
      change.from === null
        ? `The stored ${change.name} key is not bound to an endpoint yet. Enter the key again, or confirm ${change.to}: nothing was saved.`
        : `The stored ${change.name} key was entered for ${change.from}. Sending it to ${change.to} needs the key again or your confirmation: nothing was saved.`
    )
  secrets.rebind(change.name, change.to)
}

/**
 * The origin a key typed in Settings is for: OpenAI's own, or the endpoint typed with it, or
 * else the endpoint the saved settings name for that provider.
 */
export function originForNewKey(
  name: SecretName,
  endpoint: string | undefined,
  saved: AppSettings
): string {
  if (name === 'openai') {
    if (endpoint !== undefined && originOf(endpoint) !== OPENAI_ORIGIN)
      throw new Error(`An OpenAI key is sent only to ${OPENAI_ORIGIN}: it was not saved.`)
    return OPENAI_ORIGIN
  }
  if (endpoint !== undefined) return originOf(endpoint)
  const target = keyTarget(saved.provider)
  if (target?.name === name) return target.origin
  throw new Error(`Say which endpoint this ${name} key is for: it was not saved.`)
}
