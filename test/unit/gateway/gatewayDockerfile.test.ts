import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  GATEWAY_FLAGS,
  gatewayConfigFromFlags,
  type GatewayFlagValues
} from '../../../src/shared/gateway/gatewayFlags'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { useTempDir } from '../../support/tempDir'

// The image cannot be built here (no Docker on the build VM): what can be checked without it is
// that its command line is one the gateway takes, and that the bundle it builds runs on plain
// node with the production dependencies only.

const dockerfile = readFileSync('Dockerfile', 'utf8').replace(/\\\n\s*/g, ' ')
const instruction = (name: string): string[] =>
  dockerfile
    .split('\n')
    .filter((line) => line.startsWith(`${name} `))
    .map((line) => line.slice(name.length + 1).trim())

const entrypoint = JSON.parse(instruction('ENTRYPOINT').at(-1)!) as string[]
const [node, script, ...flags] = entrypoint

/** `--name value` pairs, as parseArgs reads them. */
function flagValues(args: string[]): Record<string, string> {
  const values: Record<string, string> = {}
  for (let i = 0; i < args.length; i += 2) {
    expect(args[i]).toMatch(/^--/)
    values[args[i]!.slice(2)] = args[i + 1]!
  }
  return values
}

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>
  dependencies: Record<string, string>
}

describe('the Dockerfile', () => {
  it("starts the bundle `npm run build:gateway` writes, with flags the gateway takes and the deployment's added", () => {
    expect(node).toBe('node')
    expect(instruction('RUN').join('\n')).toContain('npm run build:gateway')
    expect(packageJson.scripts['build:gateway']).toContain('--outdir=out/gateway')
    expect(script).toBe('out/gateway/gateway.mjs')
    const values = flagValues(flags)
    for (const name of Object.keys(values)) expect(GATEWAY_FLAGS).toContain(name)
    // What docs/gateway.md's `docker run` adds: the config is complete and valid.
    const config = gatewayConfigFromFlags(
      { ...values, 'team-db': 'postgres://gw@db:5432/voice_console', instance: 'gw-1' },
      { instance: 'unused', dataDir: () => 'unused' }
    )
    expect(config).toMatchObject({
      host: '0.0.0.0',
      dataDir: '/var/lib/og-gateway',
      apiKeyFile: expect.stringMatching(/^\/run\/secrets\//),
      webhookSecretFile: expect.stringMatching(/^\/run\/secrets\//)
    })
    // The health check asks the port the gateway listens on; a non-root user runs it.
    expect(instruction('HEALTHCHECK')[0]).toContain(`http://127.0.0.1:${config.port}/healthz`)
    expect(instruction('EXPOSE')).toEqual([String(config.port)])
    expect(instruction('USER').at(-1)).not.toMatch(/^(root|0)$/)
    expect(instruction('FROM').every((from) => from.startsWith('node:24'))).toBe(true)
  })

  describe.skipIf(skipWithoutPostgres)('its bundle', () => {
    const pg = usePostgres()
    const tmp = useTempDir()

    it('imports production dependencies only, and runs on plain node with the image flags: /healthz ok, SIGTERM exit 0', async () => {
      execFileSync('npm', ['run', '--silent', 'build:gateway'], { stdio: 'pipe' })
      const bundled = readdirSync('out/gateway').filter((f) => f.endsWith('.mjs'))
      expect(bundled.sort()).toEqual(['gateway.mjs', 'offlineEmbeddingsWorker.mjs'])
      // Static imports (a line each in esbuild's output) and dynamic ones.
      const imports = /^import\s(?:[^"]*?\sfrom\s)?"([^"]+)";$|\bimport\("([^"]+)"\)/gm
      const bare = new Set<string>()
      for (const file of bundled)
        for (const match of readFileSync(join('out/gateway', file), 'utf8').matchAll(imports)) {
          const spec = (match[1] ?? match[2])!
          if (spec.startsWith('node:') || spec.startsWith('.')) continue
          bare.add(
            spec
              .split('/')
              .slice(0, spec.startsWith('@') ? 2 : 1)
              .join('/')
          )
        }
      expect([...bare]).toEqual(expect.arrayContaining(['pg', 'openai', 'vectra']))
      for (const name of bare) expect(Object.keys(packageJson.dependencies)).toContain(name)

      // The image's command line, its paths moved under a temp folder; no tsx anywhere.
      const secret = (name: string, value: string): string => {
        const file = tmp.write(name, `${value}\n`)
        chmodSync(file, 0o600)
        return file
      }
      const values: GatewayFlagValues = {
        ...flagValues(flags),
        port: '0',
        host: '127.0.0.1',
        'realtime-base-url': 'http://127.0.0.1:9',
        'api-key-file': secret('api-key', `sk-${randomBytes(8).toString('hex')}`),
        'webhook-secret-file': secret('wh', `whsec_${randomBytes(32).toString('base64')}`),
        'data-dir': join(tmp.path(), 'data'),
        'team-db': `${await pg.freshUrl()}?sslmode=disable`,
        instance: 'gw-image'
      }
      const child = spawn(process.execPath, [
        script!,
        ...Object.entries(values).flatMap(([k, v]) => [`--${k}`, v!])
      ])
      let out = ''
      const url = new Promise<string>((resolve) => {
        const collect = (chunk: Buffer): void => {
          out += chunk.toString()
          const found = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
          if (found) resolve(found)
        }
        child.stdout.on('data', collect)
        child.stderr.on('data', collect)
      })
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
      const health = (await (await fetch(`${await url}/healthz`)).json()) as unknown
      expect(health).toMatchObject({ instance: 'gw-image', status: 'ok' })
      // The bundled worker loads the offline model and builds the catalog's vector index.
      await expect
        .poll(() => /Catalog index (ready|not built)[^\n]*/.exec(out)?.[0], { timeout: 120_000 })
        .toBe('Catalog index ready (vector search)')
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(out).toContain('SIGTERM: stopping')
      expect(out).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND|ERR_UNKNOWN_FILE_EXTENSION/)
    }, 180_000)
  })
})
