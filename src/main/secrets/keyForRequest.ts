import { originOf } from '../../shared/settings/keyOrigin'

/** A key and the one origin it may be sent to (null: stored before keys were bound, never sent). */
export interface BoundKey {
  readonly origin: string | null
  /** Decrypts the key; only `keyForRequest` calls it. */
  reveal(): string
}

/** A request would have carried a key to an origin it was not entered for: nothing was sent. */
export class KeyOriginError extends Error {
  constructor(
    readonly boundOrigin: string | null,
    readonly requestOrigin: string
  ) {
    super(
      boundOrigin === null
        ? `The stored key is not bound to an endpoint yet, so it was not sent to ${requestOrigin}. Save the settings to confirm the endpoint, or enter the key again.`
        : `The stored key was entered for ${boundOrigin}, so it was not sent to ${requestOrigin}. Enter the key again for this endpoint.`
    )
  }
}

/**
 * The one check every request carrying a key passes, called with the exact URL it is about to
 * send to: the key, if that URL is on the key's origin; undefined when no key is stored; a
 * KeyOriginError otherwise. The key is decrypted only after the check.
 */
export function keyForRequest(key: BoundKey | undefined, url: string): string | undefined {
  if (!key) return undefined
  const requestOrigin = originOf(url)
  if (key.origin !== requestOrigin) throw new KeyOriginError(key.origin, requestOrigin)
  return key.reveal()
}

/** A key that lives in memory only (the demo agent's per-run key), bound like a stored one. */
export const keyInMemory = (key: string, url: string): BoundKey => ({
  origin: originOf(url),
  reveal: () => key
})
