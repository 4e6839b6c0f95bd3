import { describe, expect, it } from 'vitest'
import { createDispatch, type Sender } from '../../../src/main/ipc/dispatch'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { defaultSettings } from '../../../src/shared/settings/settingsSchema'
import { ephemeralEncryptor } from '../../../tools/harness/ephemeralEncryptor'
import { useTempDir } from '../../support/tempDir'
import { createTestServices } from '../../support/testServices'

const APP_URL = 'app://console/index.html'
const app: Sender = { windowId: 1, url: APP_URL, isTopFrame: true }

describe('settings, secrets and realtime routes', () => {
  const tmp = useTempDir()

  it('refuse bad payloads at the chokepoint and change nothing', async () => {
    const services = await createTestServices(tmp.path(), { encryptor: ephemeralEncryptor() })
    const dispatch = createDispatch(
      services.handlers,
      isTrustedSender(createAppUrlCheck()),
      () => {}
    )
    try {
      const settings = defaultSettings()
      for (const [route, payload] of [
        ['settings.save', { ...settings, voice: 'robot' }],
        [
          'settings.save',
          { ...settings, provider: { kind: 'custom', baseUrl: 'http://evil.example/v1' } }
        ],
        ['settings.save', { ...settings, turnDetection: { type: 'server_vad', threshold: 2 } }],
        ['settings.save', { ...settings, extra: true }],
        ['settings.save', { ...settings, embeddings: { ...settings.embeddings, dimensions: 300 } }],
        ['settings.save', { ...settings, embeddings: { ...settings.embeddings, source: 'cloud' } }],
        ['settings.save', { ...settings, embeddings: { ...settings.embeddings, model: ' ' } }],
        [
          'settings.save',
          { ...settings, keyForNewOrigin: { confirmOrigin: 'x', apiKey: 'sk-01234567' } }
        ],
        ['settings.save', { ...settings, keyForNewOrigin: { apiKey: 'short' } }],
        ['settings.save', { ...settings, keyForNewOrigin: {} }],
        ['settings.get', { all: true }],
        ['settings.testConnection', null],
        ['secrets.setApiKey', { name: 'openai', key: 'short' }],
        ['secrets.setApiKey', { name: 'openai', key: 'sk-has a space-0123' }],
        ['secrets.setApiKey', { name: 'github', key: 'sk-0123456789' }],
        [
          'secrets.setApiKey',
          { name: 'custom', key: 'sk-0123456789', endpoint: 'ftp://x.example' }
        ],
        [
          'secrets.setApiKey',
          { name: 'azure', key: 'sk-0123456789', endpoint: 'http://x.example' }
        ],
        ['secrets.clearApiKey', {}],
        ['realtime.startCall', {}],
        ['realtime.startCall', { offerSdp: 42 }],
        ['realtime.hangup', { callId: 7 }]
      ] as const) {
        const result = await dispatch(app, route, payload)
        expect([route, result.ok ? 'ok' : result.error.code]).toEqual([route, 'invalid_input'])
      }
      expect(await dispatch(app, 'settings.get', {})).toMatchObject({
        ok: true,
        data: { settings: { voice: 'marin', provider: { kind: 'demo' } } }
      })
      expect(await dispatch(app, 'secrets.status', {})).toMatchObject({
        ok: true,
        data: { stored: { openai: false, azure: false, custom: false } }
      })
    } finally {
      services.close()
    }
  })
})
