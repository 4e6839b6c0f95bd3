import { describe, expect, it } from 'vitest'
import { embeddingsForSettings } from '../../../src/main/catalog/embeddings/embeddingsForSettings'
import { labellingModel } from '../../../src/main/classify/labellingModel'
import {
  KeyOriginError,
  keyForRequest,
  type BoundKey
} from '../../../src/main/secrets/keyForRequest'
import { defaultSettings, type AppSettings } from '../../../src/shared/settings/settingsSchema'

const KEY = 'sk-proj-0123456789'

/** A bound key that counts its decryptions. */
function bound(origin: string | null): BoundKey & { reveals: number } {
  const key = {
    origin,
    reveals: 0,
    reveal: () => {
      key.reveals++
      return KEY
    }
  }
  return key
}

describe('keyForRequest, the one check before a key is sent', () => {
  it('gives the key for any URL on its origin', () => {
    const key = bound('https://contoso.openai.azure.com')
    expect(keyForRequest(key, 'https://contoso.openai.azure.com/openai/v1/realtime/calls')).toBe(
      KEY
    )
    expect(keyForRequest(key, 'https://contoso.openai.azure.com:443/x')).toBe(KEY)
    expect(keyForRequest(undefined, 'https://contoso.openai.azure.com/x')).toBeUndefined()
  })

  it('refuses another host, scheme or port, and an unbound key, without decrypting', () => {
    const key = bound('https://contoso.openai.azure.com')
    for (const url of [
      'https://evil.example.com/openai/v1',
      'http://contoso.openai.azure.com/openai/v1',
      'https://contoso.openai.azure.com:8443/openai/v1',
      'https://contoso.openai.azure.com.evil.example/openai/v1'
    ])
      expect(() => keyForRequest(key, url)).toThrow(KeyOriginError)
    expect(() => keyForRequest(bound(null), 'https://api.openai.com/v1')).toThrow(
      /not bound to an endpoint yet/
    )
    expect(key.reveals).toBe(0)
  })
})

describe('the SDK paths ask for the key with the URL they send to', () => {
  const azure: AppSettings = {
    ...defaultSettings(),
    provider: { kind: 'azure', endpoint: 'https://contoso.openai.azure.com/', deployment: 'rt' },
    embeddings: { source: 'provider', model: 'emb', dimensions: 512 }
  }

  it('labelling (/responses) and embeddings on Azure ask for the Azure origin', async () => {
    const asked: string[] = []
    const key = (_name: string, url: string): string | undefined => {
      asked.push(url)
      return keyForRequest(bound('https://other.example.com'), url)
    }
    const guarded = (name: string, url: string): string | undefined => {
      try {
        return key(name, url)
      } catch {
        return undefined
      }
    }
    expect(labellingModel(azure, guarded)).toEqual({ kind: 'lexicon', reason: 'no_key' })
    let apiKey: (() => unknown) | undefined
    embeddingsForSettings(undefined, guarded, (options) => {
      apiKey = options.apiKey
      return {
        id: 'x',
        dimensions: 1,
        minSimilarity: 0,
        embed: async () => [],
        embedQuery: async () => []
      }
    })(azure)
    expect(await apiKey?.()).toBeUndefined()
    expect(asked).toEqual([
      'https://contoso.openai.azure.com/openai/v1',
      'https://contoso.openai.azure.com/openai/v1'
    ])
    const openai = { ...azure, provider: { kind: 'openai' as const } }
    expect(
      labellingModel(openai, (_n, url) => keyForRequest(bound('https://api.openai.com'), url))
    ).toMatchObject({
      kind: 'model'
    })
  })
})
