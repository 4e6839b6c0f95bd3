import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { transform } from 'esbuild'
import { join } from 'node:path'
import type { AgentVoice } from './audio/agentVoice'
import { EphemeralKeys } from './auth/EphemeralKeys'
import { CallHub } from './CallHub'
import { GroundTruthLog } from './groundTruth/GroundTruthLog'
import { createCall } from './http/callsRoute'
import { mintClientSecret } from './http/clientSecretsRoute'
import { type Flavor, readCredential, refuseCredential } from './http/credentials'
import { BodyTooLarge, CORS_HEADERS, sendApiError, sendJson } from './http/httpIo'
import { invalidRequest } from './protocol/apiErrors'
import type { Scenario } from './scenario/scenarioSchema'

export interface SimulatorOptions {
  /** 0 picks a free port. The simulator listens on 127.0.0.1 only. */
  port: number
  apiKey: string
  scenario: Scenario
  voice: AgentVoice
  groundTruthFile?: string
  /** Clock of client secret expiry, in seconds (tests move it). */
  nowSeconds?: () => number
}

export interface Simulator {
  url: string
  groundTruth: GroundTruthLog
  hub: CallHub
  close(): Promise<void>
}

const TEST_PAGE_DIR = join(import.meta.dirname, 'testPage')
const TEST_PAGE_HTML = '/sim/test-page/'
const TEST_PAGE_SCRIPT = '/sim/test-page/callPage.js'
const API_PATH = /^(\/openai)?\/v1\/realtime\/(client_secrets|calls)(?:\/(rtc_[0-9a-f]+)\/hangup)?$/

/** The page script is TypeScript (typed and linted with the rest); esbuild strips the types. */
async function testPageScript(): Promise<string> {
  const source = readFileSync(join(TEST_PAGE_DIR, 'callPage.ts'), 'utf8')
  return (await transform(source, { loader: 'ts', format: 'esm', target: 'es2022' })).code
}

/** Starts the GA Realtime simulator: HTTP endpoints, WebRTC calls and the ground truth. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const keys = new EphemeralKeys(options.nowSeconds)
  const groundTruth = new GroundTruthLog(options.groundTruthFile)
  const hub = new CallHub(options.scenario, options.voice, groundTruth)
  let attempts = 0
  const callsContext = {
    apiKey: options.apiKey,
    keys,
    hub,
    faults: options.scenario.faults,
    log: groundTruth,
    nextAttempt: () => ++attempts
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method === 'OPTIONS') return void res.writeHead(204, CORS_HEADERS).end()
    const api = API_PATH.exec(url.pathname)
    if (api && req.method === 'POST') {
      const flavor: Flavor = api[1] ? 'azure' : 'openai'
      if (api[3]) return hangup(req, res, flavor, api[3])
      if (api[2] === 'client_secrets')
        return mintClientSecret(req, res, flavor, options.apiKey, keys)
      return createCall(req, res, flavor, callsContext)
    }
    if (req.method === 'GET' && url.pathname === '/sim/ground-truth')
      return sendJson(res, 200, groundTruth.list(url.searchParams.get('call_id') ?? undefined))
    if (req.method === 'GET' && url.pathname === TEST_PAGE_HTML) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store'
      })
      return void res.end(readFileSync(join(TEST_PAGE_DIR, 'index.html')))
    }
    if (req.method === 'GET' && url.pathname === TEST_PAGE_SCRIPT) {
      res.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-store'
      })
      return void res.end(await testPageScript())
    }
    sendApiError(
      res,
      404,
      invalidRequest(null, `Invalid URL (${req.method ?? 'GET'} ${url.pathname})`)
    )
  }

  function hangup(req: IncomingMessage, res: ServerResponse, flavor: Flavor, callId: string): void {
    const key = readCredential(req, flavor)
    if (key !== options.apiKey) return refuseCredential(res, flavor, key)
    if (!hub.hangup(callId))
      return sendApiError(
        res,
        404,
        invalidRequest('call_id_not_found', `Call '${callId}' not found.`)
      )
    sendJson(res, 200, {})
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end()
      if (error instanceof BodyTooLarge)
        return sendApiError(res, 413, invalidRequest(null, error.message))
      sendApiError(res, 500, {
        type: 'server_error',
        code: null,
        param: null,
        message: String(error)
      })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    groundTruth,
    hub,
    close: async () => {
      hub.closeAll()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
