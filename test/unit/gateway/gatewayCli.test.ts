import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { useTempDir } from '../../support/tempDir'

const MAIN = 'src/main/gateway/main.ts'

interface Run {
  code: number | null
  out: string
}

/**
 * Runs `npm run gateway`'s entry. `whenUp` runs once it says where it listens (its URL), and
 * the gateway is then stopped with SIGTERM, as systemd stops it.
 */
function runGateway(args: string[], whenUp?: (url: string) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args])
    let out = ''
    let up = false
    const collect = (chunk: Buffer): void => {
      out += chunk.toString()
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
      if (!url || up || !whenUp) return
      up = true
      whenUp(url).then(
        () => child.kill('SIGTERM'),
        (error: unknown) => {
          child.kill('SIGKILL')
          reject(error as Error)
        }
      )
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out }))
  })
}

describe('npm run gateway', () => {
  const tmp = useTempDir()
  const secret = (name: string, value: string): string => {
    const file = tmp.write(name, `${value}\n`)
    chmodSync(file, 0o600)
    return file
  }

  it('stops with exit code 2 and the reason on a bad flag, without repeating the URL', async () => {
    const { code, out } = await runGateway([
      '--port',
      '0',
      '--team-db',
      'mysql://gw:db-pass-never-shown@db/x',
      '--realtime-base-url',
      'https://api.openai.com',
      '--api-key-file',
      '/nonexistent',
      '--webhook-secret-file',
      '/nonexistent'
    ])
    expect(code).toBe(2)
    expect(out).toContain('gateway: --team-db: must start with postgres:// or postgresql://')
    expect(out).not.toContain('db-pass-never-shown')
  }, 30_000)

  it('stops with exit code 2 on a secret file it cannot read, naming the file only', async () => {
    const missing = join(tmp.path(), 'no-such-key')
    const { code, out } = await runGateway([
      '--port',
      '0',
      '--team-db',
      'postgres://gw@127.0.0.1/x',
      '--realtime-base-url',
      'https://api.openai.com',
      '--api-key-file',
      missing,
      '--webhook-secret-file',
      secret('wh', 'whsec_x')
    ])
    expect(code).toBe(2)
    expect(out).toContain(`gateway: --api-key-file: ${missing} cannot be read (ENOENT)`)
  }, 30_000)

  describe.skipIf(skipWithoutPostgres)('on a team database with a password', () => {
    const pg = usePostgres({ password: true })

    it('starts, answers /healthz, stops on SIGTERM, and never prints a secret', async () => {
      const url = new URL(await pg.freshUrl())
      const dbPassword = pg.server().password!
      url.password = ''
      url.searchParams.set('sslmode', 'disable')
      const apiKey = `sk-${randomBytes(16).toString('hex')}`
      const webhookSecret = `whsec_${randomBytes(32).toString('base64')}`
      let health: Record<string, unknown> = {}
      const { code, out } = await runGateway(
        [
          '--port',
          '0',
          '--team-db',
          url.href,
          '--team-db-password-file',
          secret('db', dbPassword),
          '--realtime-base-url',
          'http://127.0.0.1:9',
          '--api-key-file',
          secret('key', apiKey),
          '--webhook-secret-file',
          secret('wh', webhookSecret),
          '--instance',
          'gw-cli',
          '--data-dir',
          join(tmp.path(), 'data')
        ],
        async (gatewayUrl) => {
          health = (await (await fetch(`${gatewayUrl}/healthz`)).json()) as Record<string, unknown>
        }
      )
      expect(health).toMatchObject({ instance: 'gw-cli', status: 'ok' })
      expect(code).toBe(0)
      expect(out).toContain('[gateway] SIGTERM: stopping')
      for (const value of [dbPassword, apiKey, webhookSecret]) expect(out).not.toContain(value)
    }, 60_000)
  })
})
