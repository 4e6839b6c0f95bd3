import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OpenAIEmbeddings } from '../../../src/main/catalog/embeddings/OpenAIEmbeddings'
import { VectorCorpusIndex } from '../../../src/main/catalog/VectorCorpusIndex'
import { startEmbeddingsStandIn, type EmbeddingsStandIn } from '../../support/embeddingsStandIn'
import { useTempDir } from '../../support/tempDir'

const KEY = 'sk-test-standin'

describe('OpenAIEmbeddings against a local stand-in of /v1/embeddings', () => {
  let standIn: EmbeddingsStandIn
  const tmp = useTempDir()
  beforeEach(async () => {
    standIn = await startEmbeddingsStandIn(KEY)
  })
  afterEach(async () => {
    await standIn.close()
  })
  const provider = (options: Partial<ConstructorParameters<typeof OpenAIEmbeddings>[0]> = {}) =>
    new OpenAIEmbeddings({ apiKey: () => KEY, baseURL: standIn.baseURL, ...options })

  it('sends text-embedding-3-small with the configured dimensions, in batches, keyed', async () => {
    const texts = Array.from({ length: 5 }, (_, i) => `tent number ${i}`)
    const vectors = await provider({ dimensions: 64, batchSize: 2 }).embed(texts)
    expect(vectors).toHaveLength(5)
    expect(vectors.every((v) => v.length === 64)).toBe(true)
    expect(standIn.requests.map((r) => r.body.input)).toEqual([
      ['tent number 0', 'tent number 1'],
      ['tent number 2', 'tent number 3'],
      ['tent number 4']
    ])
    expect(standIn.requests[0]).toMatchObject({
      authorization: `Bearer ${KEY}`,
      body: { model: 'text-embedding-3-small', dimensions: 64 }
    })
    // The stand-in answers in reverse order; vectors still line up with their inputs.
    const [again] = await provider({ dimensions: 64 }).embed(['tent number 3'])
    expect(again).toEqual(vectors[3])
    // Another endpoint than api.openai.com: its hash keeps its vectors apart.
    expect(provider({ dimensions: 64 }).id).toMatch(
      /^openai-text-embedding-3-small-64-[0-9a-f]{8}$/
    )
    expect(new OpenAIEmbeddings({ apiKey: () => KEY, dimensions: 64 }).id).toBe(
      'openai-text-embedding-3-small-64'
    )
  })

  it('retries rate limits and server errors, then succeeds', async () => {
    standIn.failNext(429, 500, 503)
    const [vector] = await provider({ dimensions: 32 }).embed(['headlamp'])
    expect(vector).toHaveLength(32)
    expect(standIn.requests).toHaveLength(4)
  })

  it('gives up after its retries with the API error, and never retries a bad key', async () => {
    standIn.failNext(500, 500, 500)
    await expect(provider({ maxRetries: 2 }).embed(['x'])).rejects.toThrow(/500/)
    expect(standIn.requests).toHaveLength(3)
    await expect(provider({ apiKey: () => 'sk-wrong' }).embed(['x'])).rejects.toThrow(
      /401.*Incorrect API key/
    )
    expect(standIn.requests).toHaveLength(4)
    await expect(provider({ apiKey: () => undefined }).embed(['x'])).rejects.toThrow(
      /No OpenAI API key/
    )
  })

  it('feeds a vectra index like the offline provider does', async () => {
    const index = new VectorCorpusIndex(tmp.path(), 'products', provider({ dimensions: 128 }))
    await index.sync([
      { id: 'boots', text: 'waterproof hiking boots' },
      { id: 'lamp', text: 'rechargeable headlamp' }
    ])
    expect((await index.query('boots for hiking', 1))[0]?.id).toBe('boots')
  })
})
