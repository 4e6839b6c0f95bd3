import type { Provider } from './settingsSchema'

// A stored key is bound to the origin (scheme + host + port) it was entered for; this file says
// which origin a provider sends its key to. Main refuses to send a key anywhere else, and the
// Settings screen uses the same answer to ask before an endpoint change moves a key.

export const SECRET_NAMES = ['openai', 'azure', 'custom'] as const
export type SecretName = (typeof SECRET_NAMES)[number]

/** OpenAI's API has one fixed endpoint. */
export const OPENAI_ORIGIN = 'https://api.openai.com'

/** `https://host:port` of a URL (the default port is left out, as URL.origin does). */
export const originOf = (url: string): string => new URL(url).origin

/** Which stored key a provider uses and the origin it goes to; null for the demo agent. */
export function keyTarget(provider: Provider): { name: SecretName; origin: string } | null {
  switch (provider.kind) {
    case 'demo':
      return null
    case 'openai':
      return { name: 'openai', origin: OPENAI_ORIGIN }
    case 'azure':
      return { name: 'azure', origin: originOf(provider.endpoint) }
    case 'custom':
      return { name: 'custom', origin: originOf(provider.baseUrl) }
  }
}

/** What main knows of the stored keys: whether each is stored, and the origin it is bound to. */
export interface StoredKeyOrigins {
  stored: Record<SecretName, boolean>
  origins: Record<SecretName, string | null>
}

/**
 * Saving `provider` would point a stored key at another origin than the one it was entered for
 * (or bound to none yet): the save then needs the key again or a confirmation naming `to`.
 */
export function keyOriginChange(
  provider: Provider,
  keys: StoredKeyOrigins
): { name: SecretName; from: string | null; to: string } | null {
  const target = keyTarget(provider)
  if (!target || !keys.stored[target.name]) return null
  const from = keys.origins[target.name]
  return from === target.origin ? null : { name: target.name, from, to: target.origin }
}
