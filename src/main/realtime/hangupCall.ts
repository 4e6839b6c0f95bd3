import type { AppSettings } from '../../shared/settings/settingsSchema'
import { networkCause } from './apiError'
import { providerEndpoints } from './providerEndpoints'

/**
 * `POST {calls}/{call_id}/hangup` with the standard key (protocol doc §10). 404 means the call
 * is already over (the peer closed first), which is what hanging up wanted.
 */
export async function hangupCall(
  settings: AppSettings,
  key: string | undefined,
  callId: string,
  fetchImpl: typeof fetch = fetch
): Promise<{ ended: boolean }> {
  if (!key) return { ended: false }
  const endpoints = providerEndpoints(settings.provider, settings.model)
  try {
    const res = await fetchImpl(`${endpoints.callsUrl}/${encodeURIComponent(callId)}/hangup`, {
      method: 'POST',
      headers: endpoints.authHeaders(key),
      signal: AbortSignal.timeout(10_000)
    })
    await res.body?.cancel()
    if (res.ok || res.status === 404) return { ended: true }
    throw new Error(`Hang-up answered ${res.status}`)
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Hang-up')) throw error
    throw new Error(`Could not reach the service to hang up (${networkCause(error)})`)
  }
}
