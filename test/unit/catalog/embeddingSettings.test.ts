import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OpenAIEmbeddings } from '../../../src/main/catalog/embeddings/OpenAIEmbeddings'
import { embeddingsForSettings } from '../../../src/main/catalog/embeddings/embeddingsForSettings'
import type { Services } from '../../../src/main/services'
import type { AppHandlers } from '../../../src/main/ipc/dispatch'
import { FAILED_REASONS } from '../../../src/shared/ipc/result'
import { defaultSettings, type AppSettings } from '../../../src/shared/settings/settingsSchema'
import { ephemeralEncryptor } from '../../../tools/harness/ephemeralEncryptor'
import { startEmbeddingsStandIn, type EmbeddingsStandIn } from '../../support/embeddingsStandIn'
import { useTempDir } from '../../support/tempDir'
import { createTestServices } from '../../support/testServices'

const KEY = 'sk-test-embeddings-0123'

const withEmbeddings = (
  settings: AppSettings,
  embeddings: Partial<AppSettings['embeddings']>,
  provider: AppSettings['provider'] = settings.provider
): AppSettings => ({ ...settings, provider, embeddings: { ...settings.embeddings, ...embeddings } })

describe('embeddingsForSettings', () => {
  const made: ConstructorParameters<typeof OpenAIEmbeddings>[0][] = []
  const factory = embeddingsForSettings(
    undefined,
    (name) => `key-of-${name}`,
    (options) => {
      made.push(options)
      return new OpenAIEmbeddings(options)
    }
  )
  const base = defaultSettings()

  it('reaches the connection the user chose, with its key, and reuses one instance per choice', async () => {
    expect(factory(base)).toBeUndefined()
    const azure = withEmbeddings(
      base,
      { source: 'provider', model: 'emb-deploy', dimensions: 256 },
      { kind: 'azure', endpoint: 'https://acme.openai.azure.com/', deployment: 'rt' }
    )
    const provider = factory(azure)!
    expect(provider.id).toMatch(/^openai-emb-deploy-256-[0-9a-f]{8}$/)
    expect(made.at(-1)).toMatchObject({
      model: 'emb-deploy',
      dimensions: 256,
      baseURL: 'https://acme.openai.azure.com/openai/v1'
    })
    expect(await made.at(-1)!.apiKey()).toBe('key-of-azure')
    expect(made.at(-1)!.headers?.('k')).toEqual({ 'api-key': 'k' })
    // Unrelated changes (the voice, the realtime deployment) keep the instance: no re-index.
    expect(factory({ ...azure, voice: 'cedar' })).toBe(provider)
    expect(
      factory({
        ...azure,
        provider: { ...(azure.provider as object), deployment: 'rt-2' } as AppSettings['provider']
      })
    ).toBe(provider)
    const openai = factory(withEmbeddings(azure, {}, { kind: 'openai' }))!
    expect(openai).not.toBe(provider)
    expect(made.at(-1)!.baseURL).toBeUndefined()
    expect(await made.at(-1)!.apiKey()).toBe('key-of-openai')
    // A model name a folder cannot hold still makes one folder, inside the index root.
    const odd = factory(withEmbeddings(azure, { model: '../BAAI/bge:small' }, { kind: 'openai' }))!
    expect(odd.id).toMatch(/^openai-\.\._BAAI_bge_small-256-[0-9a-f]{8}$/)
    // The demo agent has no API, hence no key: indexing fails with the missing-key reason.
    factory(withEmbeddings(azure, {}, { kind: 'demo' }))
    expect(await made.at(-1)!.apiKey()).toBeUndefined()
  })
})

describe('Settings switch the catalog between embedding providers', { timeout: 60_000 }, () => {
  const tmp = useTempDir()
  let standIn: EmbeddingsStandIn
  let services: Services | undefined
  beforeEach(async () => {
    standIn = await startEmbeddingsStandIn(KEY)
  })
  afterEach(async () => {
    services?.close()
    services = undefined
    await standIn.close()
  })

  const call = async <T>(handlers: AppHandlers, route: string, input: unknown): Promise<T> =>
    (await (handlers as unknown as Record<string, (i: unknown) => Promise<T>>)[route]!(input)) as T

  it('indexes with the connection endpoint once its key is saved, and back to offline for free', async () => {
    // The "offline" provider of this test is another stand-in-backed one: only its id matters.
    const offline = new OpenAIEmbeddings({
      apiKey: () => KEY,
      baseURL: standIn.baseURL,
      model: 'offline-double',
      dimensions: 64
    })
    services = await createTestServices(tmp.path(), {
      embeddings: offline,
      encryptor: ephemeralEncryptor()
    })
    const { catalog, handlers } = services
    await catalog.idle()
    expect(catalog.status().index).toMatchObject({ provider: offline.id, state: 'ready' })
    const firstBuild = catalog.status().index.lastRun!

    const settings = defaultSettings()
    const chosen = withEmbeddings(
      settings,
      { source: 'provider', dimensions: 256 },
      { kind: 'custom', baseUrl: standIn.baseURL }
    )
    await call(handlers, 'settings.save', chosen)
    await catalog.idle()
    // No key for the custom endpoint yet: the index says why, the tools stay lexical.
    expect(catalog.status()).toMatchObject({
      index: {
        provider: expect.stringMatching(/^openai-text-embedding-3-small-256-[0-9a-f]{8}$/),
        state: 'failed',
        error: FAILED_REASONS.noOpenAiKey
      },
      retrieval: 'lexical'
    })

    await call(handlers, 'secrets.setApiKey', { name: 'custom', key: KEY })
    await catalog.idle()
    expect(catalog.status()).toMatchObject({
      index: {
        provider: expect.stringMatching(/^openai-text-embedding-3-small-256-[0-9a-f]{8}$/),
        state: 'ready'
      },
      retrieval: 'hybrid'
    })
    expect(catalog.status().index.lastRun!.embedded).toBe(firstBuild.embedded)
    expect(standIn.requests.at(-1)).toMatchObject({
      authorization: `Bearer ${KEY}`,
      body: { model: 'text-embedding-3-small', dimensions: 256 }
    })
    const requests = standIn.requests.length
    const answer = await catalog.runTool('search_products', { query: 'qwerty gizmo' })
    // Lexical search found nothing it was sure of: the question went to the endpoint (whose
    // word-hash vectors find nothing either: an answer the model can act on, not an error).
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(standIn.requests.length).toBe(requests + 1)
    expect(standIn.requests.at(-1)!.body.input.join(' ')).toContain('qwerty gizmo')

    // The endpoint's key removed mid-call: the tools answer lexically instead of failing.
    await call(handlers, 'secrets.clearApiKey', { name: 'custom' })
    const policy = await catalog.runTool('search_policies', { query: 'qwerty send it back' })
    expect(policy.ok).toBe(true)
    await call(handlers, 'secrets.setApiKey', { name: 'custom', key: KEY })

    // Saving an unrelated setting keeps the index as it is.
    const builtAt = catalog.status().index.builtAt
    await call(handlers, 'settings.save', { ...chosen, voice: 'cedar' })
    await catalog.idle()
    expect(catalog.status().index.builtAt).toBe(builtAt)

    // Back to offline: its index is still there, nothing is embedded again.
    await call(handlers, 'settings.save', { ...chosen, embeddings: settings.embeddings })
    await catalog.idle()
    expect(catalog.status().index).toMatchObject({ provider: offline.id, state: 'ready' })
    expect(catalog.status().index.lastRun!.embedded).toBe(0)

    // Closed (quit): nothing queued or asked later starts another build.
    services.close()
    services = undefined
    await expect(catalog.reindex()).rejects.toThrow('The catalog is closed.')
  })
})
