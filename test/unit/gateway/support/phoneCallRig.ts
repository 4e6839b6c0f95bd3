import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterEach } from 'vitest'
import { ToneVoice } from '../../../../src/main/realtime-sim/audio/toneVoice'
import { encodeWav } from '../../../../src/main/realtime-sim/audio/wav'
import type { GroundTruthEntry } from '../../../../src/main/realtime-sim/groundTruth/GroundTruthLog'
import { parseScenario } from '../../../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator, type Simulator } from '../../../../src/main/realtime-sim/startSimulator'
import { LiveCallsBoard } from '../../../../src/main/team/LiveCallsBoard'
import { TeamChannel } from '../../../../src/main/team/TeamChannel'
import type { TeamEvent } from '../../../../src/shared/team/teamEvents'
import { freePort } from '../../../../tools/postgres/localPostgres'
import type { TestPostgres } from '../../../support/postgres'
import { useGateways, type RigOptions } from './gatewayRig'

export const API_KEY = 'sk-gateway-test-key'
export const WEBHOOK_SECRET = `whsec_${randomBytes(32).toString('base64')}`

/**
 * A short phone scenario: a greeting, a turn whose answer needs search_products (filled in from
 * the tool's output the gateway sends), and a caller asking for a human (an alert).
 */
export const GATEWAY_SCENARIO_YAML = `
name: gateway phone call
language: en
generation_speed: 2
transcription_delay_ms: 100
greeting: { delay_ms: 100, say: Thanks for calling OutdoorGear. }
turns:
  - caller: I need waterproof hiking boots under two hundred dollars.
    caller_language: en
    agent:
      delay_ms: 150
      say: Let me check.
      tool_call:
        name: search_products
        arguments: { query: waterproof hiking boots, max_price: 200 }
        then:
          delay_ms: 100
          say: I found the {{result.products.0.name}} at {{result.products.0.price_usd}} dollars.
          fallback: Sorry, I found nothing.
  - caller: I want to speak to a human.
    caller_language: en
    agent: { delay_ms: 150, say: Of course one moment please. }
`

/**
 * The caller's side at 24 kHz: silence, then each turn as a hum of `words` short tones (which
 * the VAD takes for speech) followed by `thenMs` of silence.
 */
export function callerWav(leadMs: number, ...turns: [words: number, thenMs: number][]): Uint8Array {
  const rate = 24_000
  const quiet = (ms: number): number[] => new Array<number>((ms * rate) / 1000).fill(0)
  const hum = Array.from({ length: (300 * rate) / 1000 }, (_, i) =>
    Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / rate))
  )
  const samples = [
    ...quiet(leadMs),
    ...turns.flatMap(([words, thenMs]) => [
      ...Array.from({ length: words }, (_, w) => [...(w > 0 ? quiet(100) : []), ...hum]).flat(),
      ...quiet(thenMs)
    ])
  ]
  return encodeWav({ samples: Int16Array.from(samples), sampleRate: rate })
}

/** The ground truth's entries of one kind, typed. */
export function entries<K extends GroundTruthEntry['kind']>(
  sim: Simulator,
  callId: string,
  kind: K
): Extract<GroundTruthEntry, { kind: K }>[] {
  return sim.groundTruth
    .list(callId)
    .filter((e): e is Extract<GroundTruthEntry, { kind: K }> => e.kind === kind)
}

/**
 * A simulator whose webhooks go to a gateway on the test file's PostgreSQL, and a supervisor's
 * wallboard on the team channel (what a console in team mode shows), all closed after the test.
 */
export function usePhoneGateway(pg15: TestPostgres) {
  const gateways = useGateways(pg15)
  const closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close()
  })
  return {
    async start(options: RigOptions & { scenarioYaml?: string } = {}) {
      const url = await pg15.freshUrl()
      const port = await freePort()
      const sim = await startSimulator({
        port: 0,
        apiKey: API_KEY,
        scenario: parseScenario(options.scenarioYaml ?? GATEWAY_SCENARIO_YAML, 'gateway.yaml'),
        voice: new ToneVoice(),
        debugRoutes: true,
        webhookUrl: `http://127.0.0.1:${port}/webhooks/openai`,
        webhookSecret: WEBHOOK_SECRET,
        webhookRetry: { attempts: 3, firstDelayMs: 200 }
      })
      closers.push(() => sim.close())
      const started = await gateways.start(url, {
        port,
        realtimeBaseUrl: sim.url,
        apiKey: API_KEY,
        webhookSecret: WEBHOOK_SECRET,
        instance: 'gw-phone',
        ...options
      })
      const connection = new URL(url)
      const channel = new TeamChannel({
        connection: { connectionString: connection.href },
        log: () => undefined
      })
      const heard: TeamEvent[] = []
      channel.onEvent((event) => heard.push(event))
      const board = new LiveCallsBoard(channel)
      closers.push(async () => {
        board.close()
        await channel.close()
      })
      await channel.start()
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      closers.push(() => admin.end())
      return { sim, ...started, board, heard, admin }
    }
  }
}
