import { spawn, type ChildProcess } from 'node:child_process'
import type pg from 'pg'
import { afterEach, expect } from 'vitest'
import { ToneVoice } from '../../../../src/main/realtime-sim/audio/toneVoice'
import { parseScenario } from '../../../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator } from '../../../../src/main/realtime-sim/startSimulator'
import { RESOURCES_DIR } from '../../../support/tempDir'
import { API_KEY, callerWav, GATEWAY_SCENARIO_YAML, WEBHOOK_SECRET } from './phoneCallRig'

// Two gateway instances on one database, one of them in a process of its own (it can be killed
// or sent a signal): what gatewayLeases, gatewayRollingRestart and gatewayPendingCommands share.

const PROCESS = 'test/unit/gateway/support/gatewayProcess.ts'

export interface Recorded {
  seq: number
  at_ms: number
  direction: string
  type: string
  payload: string
}

export interface GatewayChild {
  child: ChildProcess
  /** Its output so far (stdout and stderr). */
  output(): string
  /** Its exit code, once it exits. */
  exited: Promise<number | null>
}

/** A gateway instance in a process of its own: resolves once it listens. */
export function spawnGateway(options: Record<string, unknown>): Promise<GatewayChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PROCESS], {
      env: { ...process.env, GATEWAY_PROCESS: JSON.stringify(options) }
    })
    let out = ''
    let up = false
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    const collect = (chunk: Buffer): void => {
      out += chunk.toString()
      if (up || !/^up http/m.test(out)) return
      up = true
      resolve({ child, output: () => out, exited })
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('exit', (code) => {
      if (!up) reject(new Error(`gateway process exited (${code}): ${out}`))
    })
  })
}

/** What a test opened, closed after it, the last first. */
export type Closers = (() => Promise<void> | void)[]

export function useClosers(): Closers {
  const closers: Closers = []
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close()
  })
  return closers
}

/**
 * Instance A: in a process of its own (so a test can kill it or signal it), on the team
 * database at `url`, answering the simulator's webhooks on `port`; its data under `dataRoot`.
 * Killed after the test. `extra` adds or overrides gatewayProcess options.
 */
export async function startInstanceA(
  closers: Closers,
  dataRoot: string,
  at: { url: string; port: number; simUrl: string },
  extra: Record<string, unknown> = {}
): Promise<GatewayChild> {
  const a = await spawnGateway({
    teamUrl: `${at.url}?sslmode=disable`,
    instance: 'gw-a',
    port: at.port,
    dataDir: `${dataRoot}/gw-a`,
    resourcesDir: RESOURCES_DIR,
    realtimeBaseUrl: at.simUrl,
    apiKey: API_KEY,
    webhookSecret: WEBHOOK_SECRET,
    ...extra
  })
  closers.push(() => void a.child.kill('SIGKILL'))
  return a
}

/** The simulator playing the test scenario, its webhooks to `webhookPort`. */
export function simulator(webhookPort: number) {
  return startSimulator({
    port: 0,
    apiKey: API_KEY,
    scenario: parseScenario(GATEWAY_SCENARIO_YAML, 'gateway.yaml'),
    voice: new ToneVoice(),
    debugRoutes: true,
    webhookUrl: `http://127.0.0.1:${webhookPort}/webhooks/openai`,
    webhookSecret: WEBHOOK_SECRET,
    webhookRetry: { attempts: 3, firstDelayMs: 200 }
  })
}

/**
 * Rings the simulator's phone line: by default the caller is quiet for 6 s after the greeting
 * starts, then asks (search_products), then asks for a human.
 */
export async function placeCall(
  simUrl: string,
  wav: Uint8Array = callerWav(6_000, [2, 7_000], [2, 3_500])
): Promise<string> {
  const placed = await fetch(`${simUrl}/sim/sip/calls`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      from: '+14155550142',
      to: '+18005550100',
      wav_base64: Buffer.from(wav).toString('base64'),
      trailing_silence_ms: 1_000
    })
  })
  expect(placed.status).toBe(201)
  return ((await placed.json()) as { call_id: string }).call_id
}

/** Resolves once the greeting's answer is recorded (the call is well under way). */
export async function greetingRecorded(admin: pg.Client): Promise<void> {
  await expect
    .poll(
      async () =>
        (await admin.query<{ type: string }>(`SELECT type FROM events ORDER BY seq`)).rows.map(
          (r) => r.type
        ),
      { timeout: 30_000, interval: 100 }
    )
    .toContain('response.done')
}

export async function recordedEvents(admin: pg.Client, sessionId: string): Promise<Recorded[]> {
  return (
    await admin.query<Recorded>(
      `SELECT seq, at_ms, direction, type, payload FROM events WHERE session_id = $1 ORDER BY seq`,
      [sessionId]
    )
  ).rows
}
