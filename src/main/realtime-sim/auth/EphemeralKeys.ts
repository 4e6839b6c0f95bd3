import type { ClientSecretResponse } from '../../../shared/realtime/sessionConfig'
import { newId } from '../call/ids'
import type { EffectiveSession } from '../session/effectiveSession'

export const DEFAULT_TTL_SECONDS = 600

export type SecretCheck =
  { status: 'valid'; session: EffectiveSession } | { status: 'expired' | 'unknown' }

/**
 * Minted client secrets (`ek_…`). A secret only gates starting a call and may start several
 * (protocol doc §2); `nowSeconds` is injectable so tests can expire one.
 */
export class EphemeralKeys {
  private readonly keys = new Map<string, { expiresAt: number; session: EffectiveSession }>()

  constructor(private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000)) {}

  mint(session: EffectiveSession, ttlSeconds = DEFAULT_TTL_SECONDS): ClientSecretResponse {
    const value = newId('ek')
    const expiresAt = this.nowSeconds() + ttlSeconds
    this.keys.set(value, { expiresAt, session })
    return { value, expires_at: expiresAt, session }
  }

  check(value: string): SecretCheck {
    const key = this.keys.get(value)
    if (!key) return { status: 'unknown' }
    if (this.nowSeconds() >= key.expiresAt) return { status: 'expired' }
    return { status: 'valid', session: structuredClone(key.session) }
  }
}
