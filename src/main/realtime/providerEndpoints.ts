import type { Provider } from '../../shared/settings/settingsSchema'
import { OPENAI_ORIGIN } from '../../shared/settings/keyOrigin'
import type { SecretName } from '../secrets/SecretStore'

export interface ProviderEndpoints {
  /** POST: mints an ephemeral client secret (ek_…) for one call. */
  clientSecretsUrl: string
  /** POST: the SDP offer (with the ek_ bearer, or multipart with the standard key). */
  callsUrl: string
  /** POST: a GPT-Live WebRTC session (LiveCreateParams, JSON) with the standard key. */
  liveSessionsUrl: string
  /** GET: the models this key reaches (`/{model}`: one of them). */
  modelsUrl: string
  /** Azure takes the deployment name where OpenAI takes the model. */
  model: string
  secretName: SecretName
  authHeaders(key: string): Record<string, string>
}

const OPENAI_API = `${OPENAI_ORIGIN}/v1`

/** The GA Realtime endpoints for a provider (see the protocol reference, §2 and §3). */
export function providerEndpoints(provider: Provider, model: string): ProviderEndpoints {
  if (provider.kind === 'demo')
    // Its URL and key exist only once main has started it: see demoAgent/demoCallSettings.ts.
    throw new Error('The demo agent has no fixed endpoint: resolve it with demoCallSettings first')
  const bearer = (key: string): Record<string, string> => ({ Authorization: `Bearer ${key}` })
  if (provider.kind === 'azure') {
    const root = `${provider.endpoint.replace(/\/+$/, '')}/openai/v1`
    return {
      clientSecretsUrl: `${root}/realtime/client_secrets`,
      callsUrl: `${root}/realtime/calls`,
      // Foundry serves GPT-Live under /openai/v1/live; the deployment is the model there too.
      liveSessionsUrl: `${root}/live/sessions`,
      modelsUrl: `${root}/models`,
      model: provider.deployment,
      secretName: 'azure',
      authHeaders: (key) => ({ 'api-key': key })
    }
  }
  const root = provider.kind === 'custom' ? provider.baseUrl.replace(/\/+$/, '') : OPENAI_API
  return {
    clientSecretsUrl: `${root}/realtime/client_secrets`,
    callsUrl: `${root}/realtime/calls`,
    liveSessionsUrl: `${root}/live/sessions`,
    modelsUrl: `${root}/models`,
    model,
    secretName: provider.kind === 'custom' ? 'custom' : 'openai',
    authHeaders: bearer
  }
}
