import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { runsVersion, wellKnownEspeakPaths } from '../../../src/main/realtime-sim/audio/findEspeak'
import { useTempDir } from '../../support/tempDir'
import { hasOpenssl, selfSignedCert } from './support/selfSignedCert'

const MAIN = 'tools/realtime-sim/main.ts'

/**
 * Runs `npm run sim`'s entry until its banner has printed `until` (or it exits); PATH may hide
 * espeak-ng. The banner's lines can reach the pipe in separate chunks, so a test that reads a
 * line after "ground truth:" waits for that line, not for "ground truth:".
 */
function runSim(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  until = 'ground truth:'
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', ...args], {
      env
    })
    let out = ''
    const collect = (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes(until)) child.kill('SIGTERM')
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out }))
  })
}

describe('npm run sim', () => {
  const tmp = useTempDir()

  it('starts on 127.0.0.1 and says which voice speaks when espeak-ng is not on PATH', async () => {
    const { out } = await runSim([], { ...process.env, PATH: '' })
    expect(out).toMatch(/Realtime simulator \(GA protocol\) on http:\/\/127\.0\.0\.1:\d+/)
    // A Mac with Homebrew's espeak-ng still finds it, as a Finder-launched app must.
    const wellKnown = wellKnownEspeakPaths(process.platform, process.env).find(runsVersion)
    expect(out).toContain(
      wellKnown
        ? `agent voice: espeak-ng (${wellKnown})`
        : 'agent voice: tones (espeak-ng not found'
    )
    expect(out).toContain('OutdoorGear product inquiry')
  }, 30_000)

  it('exits with the validation errors of a bad scenario', async () => {
    const file = tmp.write('bad.yaml', 'name: bad\nturns: [{ caller: Hi, agent: {} }]\n')
    const { code, out } = await runSim(['--scenario', file])
    expect(code).toBe(1)
    expect(out).toContain(`Invalid scenario ${file}`)
    expect(out).toContain('turns.0.agent')
  }, 30_000)

  it("posts phone calls' webhooks only with a valid whsec_ secret", async () => {
    const url = 'http://127.0.0.1:1/hooks'
    const alone = await runSim(['--webhook-url', url])
    expect(alone.code).toBe(1)
    expect(alone.out).toContain('--webhook-url needs --webhook-secret')
    const bad = await runSim(['--webhook-url', url, '--webhook-secret', 'whsec_short'])
    expect(bad.code).toBe(1)
    expect(bad.out).toContain("A webhook secret is 'whsec_' followed by base64.")
    const secret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`
    const ok = await runSim(['--webhook-url', url, '--webhook-secret', secret])
    expect(ok.out).toMatch(
      /phone calls: POST http:\/\/127\.0\.0\.1:\d+\/sim\/sip\/calls → webhooks to http:\/\/127\.0\.0\.1:1\/hooks/
    )
  }, 60_000)

  it.skipIf(!hasOpenssl && !process.env['CI'])(
    'serves https with --tls-cert and --tls-key, which go together',
    async () => {
      const cert = selfSignedCert()
      try {
        const alone = await runSim(['--tls-cert', cert.certFile])
        expect(alone.code).toBe(1)
        expect(alone.out).toContain('--tls-cert and --tls-key go together')
        const ok = await runSim(
          ['--tls-cert', cert.certFile, '--tls-key', cert.keyFile],
          process.env,
          'WebSocket clients connect with wss://'
        )
        expect(ok.out).toMatch(/Realtime simulator \(GA protocol\) on https:\/\/127\.0\.0\.1:\d+/)
        expect(ok.out).toContain(`TLS: ${cert.certFile}`)
      } finally {
        cert.remove()
      }
    },
    60_000
  )
})
