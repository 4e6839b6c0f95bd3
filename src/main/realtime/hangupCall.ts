import type { AppSettings } from '../../shared/settings/settingsSchema'
import { keyForRequest, type BoundKey } from '../secrets/keyForRequest'
import { networkCause } from './apiError'
import { providerEndpoints } from './providerEndpoints'

/**
 * `POST {calls}/{call_id}/hangup` with the standard key (protocol doc §10). 404 means the call
 * is already over (the peer closed first), which is what hanging up wanted.
 */
export async function hangupCall(
  settings: AppSettings,
  storedKey: BoundKey | undefined,
  callId: string,
  fetchImpl: typeof fetch = fetch
): Promise<{ ended: boolean }> {
  const endpoints = providerEndpoints(settings.provider, settings.model)
  const url = `${endpoints.callsUrl}/${encodeURIComponent(callId)}/hangup`
  // Throws KeyOriginError (nothing sent) when the key was entered for another origin.
  const key = keyForRequest(storedKey, url)
  if (!key) return { ended: false }
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: endpoints.authHeaders(key),
      signal: AbortSignal.timeout(10_000),
      redirect: 'error'
    })
    await res.body?.cancel()
    if (res.ok || res.status === 404) return { ended: true }
    throw new Error(`Hang-up answered ${res.status}`)
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Hang-up')) throw error
    throw new Error(`Could not reach the service to hang up (${networkCause(error)})`)
  }
}
