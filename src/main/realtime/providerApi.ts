import type { Provider } from '../../shared/settings/settingsSchema'
import type { SecretName } from '../secrets/SecretStore'

/** The provider's REST API (Responses, Embeddings) as the OpenAI SDK takes it. */
export interface ProviderApi {
  /** Undefined: the SDK's own https://api.openai.com/v1. */
  baseURL: string | undefined
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
    case 'azure':
      return {
        baseURL: `${provider.endpoint.replace(/\/+$/, '')}/openai/v1`,
        headers: (key) => ({ 'api-key': key }),
        secretName: 'azure'
      }
    case 'custom':
      return { baseURL: provider.baseUrl.replace(/\/+$/, ''), secretName: 'custom' }
    case 'openai':
      return { baseURL: undefined, secretName: 'openai' }
  }
}
