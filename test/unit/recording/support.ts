import { createDispatch, type Dispatch, type Sender } from '../../../src/main/ipc/dispatch'
import { APP_ORIGIN } from '../../../src/main/windows/appOrigin'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { createServices, type ServiceOptions, type Services } from '../../../src/main/services'
import { expect } from 'vitest'
import { defaultSettings } from '../../../src/shared/settings/settingsSchema'
import { ephemeralEncryptor } from '../../../tools/harness/ephemeralEncryptor'
import { RESOURCES_DIR } from '../../support/tempDir'

const APP_URL = `${APP_ORIGIN}/index.html`
export const APP: Sender = { windowId: 1, url: APP_URL, isTopFrame: true }

/** The real services on a data directory, behind the real chokepoint. */
export async function openConsole(
  dataDir: string,
  now: () => number = () => Date.UTC(2026, 10, 25, 14, 31),
  overrides: Partial<ServiceOptions> = {}
): Promise<{
  services: Services
  call: (route: string, input: unknown) => Promise<unknown>
  emitted: unknown[]
}> {
  const emitted: unknown[] = []
  const services = await createServices({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    version: '0.0.0-test',
    runtime: 'harness',
    dialogs: {
      pickCsvToOpen: async () => null,
      pickCsvToSave: async () => null,
      pickPdfToSave: async () => null,
      pickCatalogFileToOpen: async () => null
    },
    emit: (name, payload) => void emitted.push([name, payload]),
    now,
    ...overrides
  })
  const dispatch: Dispatch = createDispatch(
    services.handlers,
    isTrustedSender(createAppUrlCheck()),
    () => {}
  )
  return { services, call: (route, input) => dispatch(APP, route, input), emitted }
}

/** Batches of `size` inputs, as the renderer sends them every 500 ms. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export const STARTED_AT = Date.UTC(2026, 10, 25, 14, 30, 12)

type Ok<T> = { ok: true; data: T }
/** The data of a successful IPC result (fails the test on an error result). */
export function data<T>(result: unknown): T {
  expect(result).toMatchObject({ ok: true })
  return (result as Ok<T>).data
}

/**
 * The real services with a custom provider at `baseURL` (a local stand-in of the API) labelling
 * calls with `labels-mini`, its key stored when `key` is given, and a call begun.
 */
export async function consoleWithLabellingModel(
  dataDir: string,
  baseURL: string,
  key: string | null
): Promise<Awaited<ReturnType<typeof openConsole>> & { sessionId: string }> {
  const opened = await openConsole(dataDir, undefined, { encryptor: ephemeralEncryptor() })
  const { call } = opened
  data(
    await call('settings.save', {
      ...defaultSettings(),
      provider: { kind: 'custom', baseUrl: baseURL },
      labelling: { source: 'model', model: 'labels-mini' }
    })
  )
  if (key !== null) data(await call('secrets.setApiKey', { name: 'custom', key }))
  const { sessionId } = data<{ sessionId: string }>(
    await call('recording.begin', {
      provider: 'custom',
      model: 'gpt-realtime',
      startedAt: STARTED_AT
    })
  )
  return { ...opened, sessionId }
}
