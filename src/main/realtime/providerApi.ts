import type { Provider } from '../../shared/settings/settingsSchema'
import { OPENAI_ORIGIN } from '../../shared/settings/keyOrigin'
import type { SecretName } from '../secrets/SecretStore'

/** The provider's REST API (Responses, Embeddings) as the OpenAI SDK takes it. */
export interface ProviderApi {
  /** Undefined: the SDK's own https://api.openai.com/v1. */
  baseURL: string | undefined
  /** Where requests go (baseURL, or OpenAI's own): what the key's origin is checked against. */
  url: string
  /** Azure's v1 API authenticates with an `api-key` header rather than a bearer. */
  headers?: (key: string) => Record<string, string>
  secretName: SecretName
}

/**
 * The API of the connection the user chose, so a console set up for Azure or a proxy never
 * sends transcripts or questions to api.openai.com. Null for the demo agent: it has no API.
 */
export function providerApi(provider: Provider): ProviderApi | null {
  switch (provider.kind) {
    case 'demo':
      return null
    case 'azure': {
      const baseURL = `${provider.endpoint.replace(/\/+$/, '')}/openai/v1`
      return {
        baseURL,
        url: baseURL,
        headers: (key) => ({ 'api-key': key }),
        secretName: 'azure'
      }
    }
    case 'custom': {
      const baseURL = provider.baseUrl.replace(/\/+$/, '')
      return { baseURL, url: baseURL, secretName: 'custom' }
    }
    case 'openai':
      return { baseURL: undefined, url: `${OPENAI_ORIGIN}/v1`, secretName: 'openai' }
  }
}
