import { describe, expect, it } from 'vitest'
import { createDispatch, type Sender } from '../../../src/main/ipc/dispatch'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { routes, type RouteName } from '../../../src/shared/ipc/contract'
import { ephemeralEncryptor } from '../../../tools/harness/ephemeralEncryptor'
import { useTempDir } from '../../support/tempDir'
import { createTestServices } from '../../support/testServices'

const APP_URL = 'app://console/index.html'
const app: Sender = { windowId: 1, url: APP_URL, isTopFrame: true }
const KEY = 'sk-proj-NEVER-IN-THE-RENDERER-0123456789'

describe('an API key given to main', () => {
  const tmp = useTempDir()

  it('never comes back through any route, even in errors', async () => {
    const seen: string[] = []
    const services = await createTestServices(tmp.path(), {
      emit: (_name, payload) => seen.push(JSON.stringify(payload)),
      encryptor: ephemeralEncryptor()
    })
    const dispatch = createDispatch(
      services.handlers,
      isTrustedSender(createAppUrlCheck()),
      () => {}
    )
    try {
      expect(await dispatch(app, 'secrets.setApiKey', { name: 'openai', key: KEY })).toEqual({
        ok: true,
        data: { stored: true }
      })
      // Refusals must not echo what was sent either.
      seen.push(
        JSON.stringify(
          await dispatch(app, 'secrets.setApiKey', { name: 'openai', key: `${KEY} x` })
        )
      )
      seen.push(
        JSON.stringify(await dispatch(app, 'secrets.setApiKey', { name: 'nope', key: KEY }))
      )
      // Every route, with an empty input and with the key as every kind of input.
      for (const route of Object.keys(routes) as RouteName[]) {
        if (route.startsWith('secrets.set') || route === 'secrets.clearApiKey') continue
        for (const input of [{}, { key: KEY }, KEY])
          seen.push(JSON.stringify(await dispatch(app, route, input)))
      }
      expect(seen.length).toBeGreaterThan(Object.keys(routes).length)
      for (const text of seen) expect(text).not.toContain('NEVER-IN-THE-RENDERER')
      expect(JSON.stringify(await dispatch(app, 'secrets.status', {}))).toContain('"openai":true')
    } finally {
      services.close()
    }
  })
})
