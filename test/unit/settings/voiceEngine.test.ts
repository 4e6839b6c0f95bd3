import { describe, expect, it } from 'vitest'
import {
  AppSettingsSchema,
  providerEngine,
  type Provider
} from '../../../src/shared/settings/settingsSchema'

describe('the voice engine in Settings (checked by the same schema in the form and in main)', () => {
  it('takes Realtime or GPT-Live per provider, and reads settings saved before engines as Realtime', () => {
    const saved = AppSettingsSchema.parse({ provider: { kind: 'openai' } })
    expect(providerEngine(saved.provider)).toBe('realtime')
    expect(saved.liveModel).toBe('gpt-live-1')
    const azure = AppSettingsSchema.parse({
      provider: {
        kind: 'azure',
        endpoint: 'https://r.openai.azure.com',
        deployment: 'gpt-live',
        engine: 'live'
      }
    })
    expect(providerEngine(azure.provider)).toBe('live')
    const demo: Provider = { kind: 'demo' }
    expect(providerEngine(demo)).toBe('realtime')
  })

  it('refuses an unknown engine, and an engine on the demo agent (it speaks Realtime only)', () => {
    expect(
      AppSettingsSchema.safeParse({ provider: { kind: 'openai', engine: 'beta' } }).success
    ).toBe(false)
    expect(
      AppSettingsSchema.safeParse({ provider: { kind: 'demo', engine: 'live' } }).success
    ).toBe(false)
  })
})
