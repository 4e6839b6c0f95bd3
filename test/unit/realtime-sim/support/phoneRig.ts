import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import OpenAI from 'openai'
import { afterEach } from 'vitest'
import { ToneVoice } from '../../../../src/main/realtime-sim/audio/toneVoice'
import { encodeWav } from '../../../../src/main/realtime-sim/audio/wav'
import type { GroundTruthEntry } from '../../../../src/main/realtime-sim/groundTruth/GroundTruthLog'
import { parseScenario } from '../../../../src/main/realtime-sim/scenario/loadScenario'
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions
} from '../../../../src/main/realtime-sim/startSimulator'
import type { WebhookRetry } from '../../../../src/main/realtime-sim/webhooks/WebhookSender'
import { API_KEY } from './simServer'

export const WEBHOOK_SECRET = `whsec_${randomBytes(32).toString('base64')}`

/** One short answer per caller turn: phone tests check the path, not the script. */
export const PHONE_SCENARIO_YAML = `
name: phone scenario
language: en
generation_speed: 2
transcription_delay_ms: 50
turns:
  - caller: Do you sell tents?
    agent: { delay_ms: 150, say: Yes we do. }
  - caller: Tell me everything.
    agent:
      delay_ms: 100
      say: ${Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ')}
`

/** A webhook delivery as the receiver saw it: raw body and headers. */
export interface Delivery {
  body: string
  headers: IncomingHttpHeaders
}

/**
 * A webhook receiver (a real local HTTP server) whose answer the test picks per delivery,
 * and a simulator posting to it; both closed after each test.
 */
export function usePhoneRig() {
  let sim: Simulator | undefined
  let receiver: Server | undefined
  afterEach(async () => {
    await sim?.close()
    receiver?.closeAllConnections()
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)))
    sim = receiver = undefined
  })
  return {
    /** `answer` decides the HTTP status of each delivery (after the body was read). */
    async start(
      answer: (delivery: Delivery) => number | Promise<number>,
      options: { retry?: WebhookRetry; extra?: Partial<SimulatorOptions> } = {}
    ): Promise<{ sim: Simulator; client: OpenAI; webhookUrl: string }> {
      receiver = createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on('data', (chunk: Buffer) => chunks.push(chunk))
        req.on('end', () => {
          void Promise.resolve(
            answer({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers })
          ).then((status) => res.writeHead(status).end())
        })
      })
      await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve))
      const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
      sim = await startSimulator({
        port: 0,
        apiKey: API_KEY,
        scenario: parseScenario(PHONE_SCENARIO_YAML, 'phone.yaml'),
        voice: new ToneVoice(),
        debugRoutes: true,
        webhookUrl,
        webhookSecret: WEBHOOK_SECRET,
        webhookRetry: options.retry ?? { attempts: 3, firstDelayMs: 50 },
        ...options.extra
      })
      const client = new OpenAI({ apiKey: API_KEY, baseURL: `${sim.url}/v1`, maxRetries: 0 })
      return { sim, client, webhookUrl }
    }
  }
}

/** A caller's words: espeak-ng, padded with sox (16 kHz mono, as a phone line might carry). */
export function spokenWav(dir: string, name: string, text: string, padMs = [300, 100]): Buffer {
  const raw = join(dir, `${name}-raw.wav`)
  const wav = join(dir, `${name}.wav`)
  execFileSync('espeak-ng', ['-v', 'en-us', '-w', raw, text])
  execFileSync('sox', [
    raw,
    '-r',
    '16000',
    '-c',
    '1',
    '-b',
    '16',
    wav,
    'pad',
    ...padMs.map((ms) => `${ms / 1000}`)
  ])
  return readFileSync(wav)
}

/** POST /sim/sip/calls as a test harness would. */
export async function placeCall(
  sim: Simulator,
  body: Record<string, unknown>,
  key = API_KEY
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${sim.url}/sim/sip/calls`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

/** Waits until the call's ground truth records its end (polling: the call runs in real time). */
export async function untilEnded(sim: Simulator, callId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const ended = sim.groundTruth.list(callId).find((e) => e.kind === 'sip' && e.state === 'ended')
    if (ended) return ended as Extract<GroundTruthEntry, { kind: 'sip'; state: 'ended' }>
    if (Date.now() > deadline) throw new Error(`call ${callId} did not end in ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export const hasSpeechTools = ['espeak-ng', 'sox'].every(
  (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0
)

/**
 * A caller who only hums, as a real 24 kHz WAV file's bytes: per turn, `words` loud 300 ms
 * tones 100 ms apart (one VAD turn), then `silenceMs` of silence.
 */
export function humWav(...turns: [words: number, silenceMs: number][]): Uint8Array {
  const rate = 24_000
  const perMs = rate / 1000
  const hum = Array.from({ length: 300 * perMs }, (_, i) =>
    Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / rate))
  )
  const quiet = (ms: number): number[] => new Array<number>(ms * perMs).fill(0)
  const samples = turns.flatMap(([words, silenceMs]) => [
    ...Array.from({ length: words }, (_, w) => [...(w > 0 ? quiet(100) : []), ...hum]).flat(),
    ...quiet(silenceMs)
  ])
  return encodeWav({ samples: Int16Array.from(samples), sampleRate: rate })
}
