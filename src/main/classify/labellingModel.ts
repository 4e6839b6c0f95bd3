import type { LexiconReason } from '../../shared/classify/modelLabels'
import type { AppSettings } from '../../shared/settings/settingsSchema'
import type { SecretName } from '../secrets/SecretStore'
import { providerApi } from '../realtime/providerApi'
import { ResponsesModel, type StructuredModel } from './StructuredModel'

export type LabellingChoice =
  | { kind: 'model'; model: StructuredModel }
  | { kind: 'lexicon'; reason: Exclude<LexiconReason, 'no_caller_text' | 'model_failed'> }

/**
 * The labelling model for the current settings: the provider's own endpoint and key, so a
 * console set up for Azure never sends transcripts to api.openai.com. The demo agent and a
 * missing key mean the offline lexicons.
 */
export function labellingModel(
  settings: AppSettings,
  /** The key for a request to `url` (main's keyForRequest: none unless the key's origin). */
  key: (name: SecretName, url: string) => string | undefined,
  make: (options: ConstructorParameters<typeof ResponsesModel>[0]) => StructuredModel = (o) =>
    new ResponsesModel(o)
): LabellingChoice {
  if (settings.labelling.source === 'lexicon') return { kind: 'lexicon', reason: 'chosen' }
  const api = providerApi(settings.provider)
  if (!api) return { kind: 'lexicon', reason: 'demo_provider' }
  const apiKey = key(api.secretName, api.url)
  if (!apiKey) return { kind: 'lexicon', reason: 'no_key' }
  const model = settings.labelling.model
  return {
    kind: 'model',
    model: make({ model, apiKey, baseURL: api.baseURL, headers: api.headers?.(apiKey) })
  }
}
