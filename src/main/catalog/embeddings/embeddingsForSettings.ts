import type { AppSettings } from '../../../shared/settings/settingsSchema'
import { providerApi } from '../../realtime/providerApi'
import type { SecretName } from '../../secrets/SecretStore'
import type { EmbeddingProvider } from './EmbeddingProvider'
import { OpenAIEmbeddings, type OpenAIEmbeddingsOptions } from './OpenAIEmbeddings'

export type EmbeddingsForSettings = (settings: AppSettings) => EmbeddingProvider | undefined

/**
 * The embedding provider the settings ask for: the offline one main was started with, or the
 * connection's embeddings endpoint. The same settings give the same instance, so saving an
 * unrelated setting never restarts indexing; the key is read at each request (a key saved later
 * applies without a restart). The demo agent has no API: its provider fails with the missing-key
 * reason, and the tools stay lexical.
 */
export function embeddingsForSettings(
  offline: EmbeddingProvider | undefined,
  /** The key for a request to `url` (main's keyForRequest: none unless the key's origin). */
  key: (name: SecretName, url: string) => string | undefined,
  make: (options: OpenAIEmbeddingsOptions) => EmbeddingProvider = (o) => new OpenAIEmbeddings(o)
): EmbeddingsForSettings {
  let made: { signature: string; provider: EmbeddingProvider } | undefined
  return (settings) => {
    const { source, model, dimensions } = settings.embeddings
    if (source === 'offline') return offline
    const api = providerApi(settings.provider)
    // What reaches the endpoint, not the whole connection: a new realtime deployment on the
    // same Azure resource is not a new embeddings provider.
    const signature = JSON.stringify([model, dimensions, api?.baseURL ?? null, api?.secretName])
    if (made?.signature !== signature)
      made = {
        signature,
        provider: make({
          model,
          dimensions,
          baseURL: api?.baseURL,
          headers: api?.headers,
          apiKey: () => (api ? key(api.secretName, api.url) : undefined)
        })
      }
    return made.provider
  }
}
