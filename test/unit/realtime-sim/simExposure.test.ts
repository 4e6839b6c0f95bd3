import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ToneVoice } from '../../../src/main/realtime-sim/audio/toneVoice'
import { GroundTruthLog } from '../../../src/main/realtime-sim/groundTruth/GroundTruthLog'
import { DemoAgent } from '../../../src/main/realtime/demoAgent/DemoAgent'
import { demoScenarioFile } from '../../../src/main/realtime/demoAgent/demoScenarioFile'
import { RESOURCES_DIR, useTempDir } from '../../support/tempDir'
import { useSimulator } from './support/simServer'

// Issue #15, point 4: the demo agent's in-app simulator exposes only what the app uses; the
// standalone `npm run sim` keeps its debug route behind its key; the log is bounded.

const EVIL = 'https://evil.example'

async function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(url, { headers })
  await res.arrayBuffer()
  return res
}

describe("the demo agent's in-app simulator", { timeout: 60_000 }, () => {
  const agents: DemoAgent[] = []
  afterEach(async () => {
    for (const agent of agents.splice(0)) await agent.close()
  })

  it('has no /sim/ route, and allows no other origin on any route', async () => {
    const agent = new DemoAgent({
      scenarioFile: demoScenarioFile(RESOURCES_DIR),
      voice: () => new ToneVoice()
    })
    agents.push(agent)
    const { baseUrl, key } = await agent.target()
    const origin = new URL(baseUrl).origin
    const withAndWithoutKey: Record<string, string>[] = [{}, { Authorization: `Bearer ${key}` }]
    for (const path of ['/sim/ground-truth', '/sim/test-page/', '/sim/test-page/callPage.js'])
      for (const headers of withAndWithoutKey)
        expect([path, (await get(`${origin}${path}`, headers)).status]).toEqual([path, 404])

    // The app's own side (main's fetch, the hidden peer page over a MessagePort) needs no CORS.
    const answers: Response[] = [
      await fetch(`${baseUrl}/realtime/calls`, { method: 'OPTIONS', headers: { Origin: EVIL } }),
      await fetch(`${baseUrl}/realtime/client_secrets`, {
        method: 'POST',
        headers: {
          Origin: EVIL,
          Authorization: `Bearer ${key}`,
          'Content-Type': 'application/json'
        },
        body: JSON.stringify({ session: { type: 'realtime', model: 'gpt-realtime' } })
      }),
      await fetch(`${baseUrl}/realtime/calls`, {
        method: 'POST',
        headers: {
          Origin: EVIL,
          Authorization: 'Bearer ek_nope',
          'Content-Type': 'application/sdp'
        },
        body: 'v=0'
      }),
      await get(`${origin}/sim/ground-truth`, { Origin: EVIL }),
      await get(`${origin}/`, { Origin: EVIL })
    ]
    expect(answers[1]!.status).toBe(200)
    for (const answer of answers)
      expect(answer.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('the simulator started for tests and tools', { timeout: 60_000 }, () => {
  const simulator = useSimulator()

  it('answers CORS only for the one origin it was told to allow, never on /sim/', async () => {
    const sim = await simulator.start()
    const preflight = await fetch(`${sim.url}/v1/realtime/calls`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:5173' }
    })
    // Not told any origin: none.
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('npm run sim (standalone)', { timeout: 60_000 }, () => {
  let child: ChildProcess | undefined
  afterEach(() => {
    child?.kill('SIGTERM')
    child = undefined
  })

  /** Starts the CLI and resolves with its URL once the banner is out. */
  function startCli(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const started = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'tools/realtime-sim/main.ts',
          '--port',
          '0',
          '--voice',
          'tone',
          ...args
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] }
      )
      child = started
      let out = ''
      const collect = (chunk: Buffer): void => {
        out += chunk.toString()
        const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
        if (url && out.includes('ground truth:')) resolve(url)
      }
      started.stdout.on('data', collect)
      started.stderr.on('data', collect)
      started.on('error', reject)
      started.on('close', (code) => reject(new Error(`sim exited ${code}: ${out}`)))
    })
  }

  it('serves the ground truth only with its key, and CORS only to --allow-origin', async () => {
    const key = 'sk-standalone-0123456789'
    const allowed = 'http://127.0.0.1:5173'
    const url = await startCli(['--key', key, '--allow-origin', allowed])

    expect((await get(`${url}/sim/ground-truth`)).status).toBe(401)
    expect(
      (await get(`${url}/sim/ground-truth`, { Authorization: 'Bearer sk-wrong-0123456789' })).status
    ).toBe(401)
    const minted = await fetch(`${url}/v1/realtime/client_secrets`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key}`,
        'Content-Type': 'application/json',
        Origin: allowed
      },
      body: JSON.stringify({ session: { type: 'realtime', model: 'gpt-realtime' } })
    })
    expect(minted.status).toBe(200)
    expect(minted.headers.get('access-control-allow-origin')).toBe(allowed)
    const truth = await fetch(`${url}/sim/ground-truth`, {
      headers: { Authorization: `Bearer ${key}`, Origin: allowed }
    })
    expect(truth.status).toBe(200)
    expect(truth.headers.get('access-control-allow-origin')).toBeNull()
    expect(truth.headers.get('x-sim-ground-truth-dropped')).toBe('0')
    expect(Array.isArray(await truth.json())).toBe(true)

    const other = await fetch(`${url}/v1/realtime/calls`, {
      method: 'OPTIONS',
      headers: { Origin: EVIL }
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    // The test page is static (a browser's navigation cannot carry a bearer) and holds no data.
    expect((await get(`${url}/sim/test-page/`)).status).toBe(200)
  })
})

describe('GroundTruthLog', () => {
  const tmp = useTempDir()
  it('keeps the last N entries in order and counts the ones it dropped', () => {
    const log = new GroundTruthLog(undefined, 3)
    for (let i = 0; i < 5; i++)
      log.record(i % 2 === 0 ? 'rtc_even' : 'rtc_odd', { kind: 'fault', fault: `f${i}` })
    expect(log.list().map((e) => (e as { fault: string }).fault)).toEqual(['f2', 'f3', 'f4'])
    expect(log.list('rtc_even').map((e) => (e as { fault: string }).fault)).toEqual(['f2', 'f4'])
    expect(log.dropped).toBe(2)
    expect(new GroundTruthLog().limit).toBe(10_000)
    expect(() => new GroundTruthLog(undefined, 0)).toThrow(/positive integer/)
  })

  it('writes its file once the current task is over, every entry in order, and on close', async () => {
    const file = join(tmp.path(), 'ground-truth.jsonl')
    const log = new GroundTruthLog(file)
    const lines = (): string[] =>
      existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []
    log.record('rtc_a', { kind: 'fault', fault: 'f0' })
    log.record('rtc_a', { kind: 'fault', fault: 'f1' })
    expect(lines()).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    expect(lines().map((l) => (JSON.parse(l) as { fault: string }).fault)).toEqual(['f0', 'f1'])
    log.record('rtc_a', { kind: 'fault', fault: 'f2' })
    log.close()
    expect(lines()).toHaveLength(3)
  })
})

describe('ToneVoice', () => {
  it('speaks a tone of 250 ms a word, the same samples for the same words every time', async () => {
    const voice = new ToneVoice()
    const first = await voice.speak('two person tent')
    expect(first.length).toBe(3 * 12_000)
    expect(first.some((x) => x !== 0)).toBe(true)
    expect(Array.from(await new ToneVoice().speak('two person tent'))).toEqual(Array.from(first))
    const other = await voice.speak('three person tent')
    expect(Array.from(other)).not.toEqual(Array.from(first))
  })
})
