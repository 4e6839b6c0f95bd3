import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/database/postgres/migrations'
import { createDispatch, type Sender } from '../../../src/main/ipc/dispatch'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { DEFAULT_TEAM_SETTINGS } from '../../../src/shared/settings/teamSettings'
import { ephemeralEncryptor } from '../../../tools/harness/ephemeralEncryptor'
import { useTempDir } from '../../support/tempDir'
import { createTestServices } from '../../support/testServices'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

const app: Sender = { windowId: 1, url: 'app://console/index.html', isTopFrame: true }
const WRONG = 'Wr0ng-team-pw-NEVER-ECHOED'

describe.skipIf(skipWithoutPostgres)('team routes through the IPC chokepoint', () => {
  const tmp = useTempDir()
  const postgres = usePostgres({ password: true })

  it('validate their input, seal the password, and never return it, even in failures', async () => {
    const services = await createTestServices(tmp.path(), { encryptor: ephemeralEncryptor() })
    const dispatch = createDispatch(
      services.handlers,
      isTrustedSender(createAppUrlCheck()),
      () => {}
    )
    const seen: string[] = []
    const call = async (route: string, input: unknown): Promise<unknown> => {
      const result = await dispatch(app, route, input)
      seen.push(JSON.stringify(result))
      return result
    }
    const server = postgres.server()
    const password = server.password ?? ''
    // The team schema as this build's migrations leave it.
    const url = await postgres.freshUrl()
    await postgres.open(url)
    const database = new URL(url).pathname.slice(1)
    try {
      const connection = {
        ...DEFAULT_TEAM_SETTINGS.connection,
        host: server.host,
        port: server.port,
        database,
        user: server.superuser,
        sslmode: 'disable'
      }
      for (const [route, input] of [
        ['team.setPassword', { password: '', server: { host: server.host, port: server.port } }],
        ['team.setPassword', { password: WRONG, server: { host: '', port: server.port } }],
        ['team.setPassword', { password: WRONG, server: { host: server.host, port: 70000 } }],
        ['team.setPassword', { password: WRONG }],
        ['team.testConnection', { connection, role: 'admin' }],
        ['team.testConnection', { connection: { ...connection, sslmode: 'allow' }, role: 'agent' }],
        ['team.testConnection', { connection: { ...connection, password: WRONG }, role: 'agent' }],
        ['team.status', { password: WRONG }]
      ] as const)
        expect(await call(route, input)).toMatchObject({
          ok: false,
          error: { code: 'invalid_input' }
        })

      expect(await call('team.status', {})).toMatchObject({
        ok: true,
        data: { available: true, passwordServer: null }
      })
      expect(
        await call('team.setPassword', {
          password: WRONG,
          server: { host: server.host, port: server.port }
        })
      ).toEqual({
        ok: true,
        data: { saved: true }
      })
      expect(await call('team.status', {})).toMatchObject({
        ok: true,
        data: { passwordServer: `127.0.0.1:${server.port}` }
      })
      // Settings (read whole by the form) hold the connection, never the password.
      expect(await call('settings.get', {})).toMatchObject({ ok: true })
      expect(await call('team.testConnection', { connection, role: 'supervisor' })).toMatchObject({
        ok: true,
        data: {
          ok: false,
          kind: 'auth_failed',
          url: `postgres://postgres@127.0.0.1:${server.port}/${database}?sslmode=disable`
        }
      })
      // The right password, through the same route: connected.
      await call('team.setPassword', {
        password,
        server: { host: server.host, port: server.port }
      })
      expect(await call('team.testConnection', { connection, role: 'supervisor' })).toMatchObject({
        ok: true,
        // services wire the migrations' latest version into the check: this build's schema.
        data: { ok: true, schema: { state: 'current', version: migrations.length } }
      })
      expect(await call('team.clearPassword', {})).toEqual({ ok: true, data: { saved: false } })
      expect(await call('team.testConnection', { connection, role: 'supervisor' })).toMatchObject({
        ok: true,
        data: { ok: false, kind: 'no_password' }
      })
      for (const text of seen) {
        expect(text).not.toContain(WRONG)
        expect(text).not.toContain(password)
      }
      // Nor on disk in plain text.
      for (const file of readdirSync(tmp.path()).filter((f) => f.endsWith('.json')))
        expect(readFileSync(join(tmp.path(), file), 'utf8')).not.toContain(WRONG)
    } finally {
      services.close()
    }
  })
})
