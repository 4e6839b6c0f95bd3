import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { AgentVoice } from './audio/agentVoice'
import { EphemeralKeys } from './auth/EphemeralKeys'
import { CallHub } from './CallHub'
import { GroundTruthLog } from './groundTruth/GroundTruthLog'
import { createCall } from './http/callsRoute'
import { answerWithWrtc } from './rtc/answerWithWrtc'
import type { AnswerCall } from './rtc/callPeer'
import { mintClientSecret } from './http/clientSecretsRoute'
import { modelsRoute } from './http/modelsRoute'
import { type Flavor, readCredential, refuseCredential } from './http/credentials'
import { corsHeaders } from './http/corsHeaders'
import type { SimRoute } from './http/simRoute'
import { stampRequestId } from './http/requestId'
import { BodyTooLarge, sendApiError, sendJson } from './http/httpIo'
import { invalidRequest } from './protocol/apiErrors'
import { liveCallControlRoute } from './live/liveCallControlRoute'
import { liveCreateRoute } from './live/liveRoute'
import { LiveSessions } from './live/LiveSessions'
import { liveUpgrades } from './live/liveSockets'
import { responsesRoute } from './responses/responsesRoute'
import type { Scenario } from './scenario/scenarioSchema'
import { serveRealtimeSockets } from './ws/realtimeUpgrade'
import { callControlRoute } from './sip/callControlRoute'
import { placePhoneCallRoute } from './sip/placePhoneCallRoute'
import type { PhoneCallRequest } from './sip/SipCall'
import { type PlacedPhoneCall, SipCalls } from './sip/SipCalls'
import { type WebhookRetry, WebhookSender } from './webhooks/WebhookSender'

export interface SimulatorOptions {
  /** 0 picks a free port. The simulator listens on 127.0.0.1 only. */
  port: number
  apiKey: string
  scenario: Scenario
  voice: AgentVoice
  groundTruthFile?: string
  /** Clock of client secret expiry, in seconds (tests move it). */
  nowSeconds?: () => number
  /** Who holds each call's WebRTC side (default: wrtc in this process). */
  answerCall?: AnswerCall
  /**
   * GET /sim/ground-truth, the log, behind the standard key (`npm run sim`). Off in the app's
   * demo agent, which has no /sim/ route at all (every such path is a 404).
   */
  debugRoutes?: boolean
  /** More GET pages, tried before the 404 (the dev CLI's and e2e tests' test page only). */
  extraRoutes?: SimRoute[]
  /** The one page origin allowed to call the API routes from a browser (CORS); none by default. */
  allowOrigin?: string
  /** Entries the in-memory ground truth keeps (default GROUND_TRUTH_LIMIT). */
  groundTruthLimit?: number
  /** Where `realtime.call.incoming` webhooks go (phone calls); needs `webhookSecret`. */
  webhookUrl?: string
  /** `whsec_…` (base64 after the prefix, ≥ 24 bytes); start-up throws on anything else. */
  webhookSecret?: string
  /** Webhook retry schedule (default: 8 attempts from 5 s, doubling); tests shorten it. */
  webhookRetry?: WebhookRetry
  /**
   * Serve HTTPS (and `wss:`) instead of HTTP, with this PEM key and certificate: the openai
   * SDK's realtime WebSocket client only ever connects with `wss:`.
   */
  tls?: { key: string | Buffer; cert: string | Buffer }
}

export type { SimRoute }

export interface Simulator {
  url: string
  groundTruth: GroundTruthLog
  hub: CallHub
  /** The GPT-Live sessions (`/v1/live/sessions`). */
  live: LiveSessions
  /** What `POST /sim/sip/calls` does, in process: a phone rings and the webhook goes out. */
  placePhoneCall(request: PhoneCallRequest): PlacedPhoneCall
  close(): Promise<void>
}

const API_PATH = /^(\/openai)?\/v1\/realtime\/(client_secrets|calls)(?:\/(rtc_[0-9a-f]+)\/hangup)?$/

/** Starts the GA Realtime simulator: HTTP endpoints, WebRTC calls and the ground truth. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const keys = new EphemeralKeys(options.nowSeconds)
  const groundTruth = new GroundTruthLog(options.groundTruthFile, options.groundTruthLimit)
  const hub = new CallHub(
    options.scenario,
    options.voice,
    groundTruth,
    options.answerCall ?? answerWithWrtc
  )
  const nowSeconds = options.nowSeconds ?? (() => Date.now() / 1000)
  const live = new LiveSessions({
    scenario: options.scenario,
    voice: options.voice,
    log: groundTruth,
    answer: options.answerCall ?? answerWithWrtc,
    nowSeconds
  })
  const sip = new SipCalls({
    hub,
    scenario: options.scenario,
    voice: options.voice,
    log: groundTruth,
    webhooks: webhookSender(options, groundTruth)
  })
  const sipRoutes = [
    callControlRoute({ apiKey: options.apiKey, sip }),
    ...(options.debugRoutes
      ? [
          placePhoneCallRoute({
            apiKey: options.apiKey,
            sip,
            voice: options.voice,
            scenario: options.scenario
          })
        ]
      : [])
  ]
  let attempts = 0
  const cors = (req: IncomingMessage): Record<string, string> =>
    corsHeaders(req, options.allowOrigin)
  const callsContext = {
    apiKey: options.apiKey,
    keys,
    hub,
    faults: options.scenario.faults,
    log: groundTruth,
    nextAttempt: () => ++attempts
  }

  const responses = responsesRoute({
    apiKey: options.apiKey,
    scripts: options.scenario.responses,
    log: groundTruth,
    nowSeconds: options.nowSeconds
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const api = API_PATH.exec(url.pathname)
    if (api) for (const [name, value] of Object.entries(cors(req))) res.setHeader(name, value)
    if (req.method === 'OPTIONS') return void res.writeHead(204).end()
    if (api && req.method === 'POST') {
      const flavor: Flavor = api[1] ? 'azure' : 'openai'
      if (api[3]) return hangup(req, res, flavor, api[3])
      if (api[2] === 'client_secrets')
        return mintClientSecret(req, res, flavor, options.apiKey, keys)
      return createCall(req, res, flavor, callsContext)
    }
    if (options.debugRoutes && req.method === 'GET' && url.pathname === '/sim/ground-truth') {
      // The log holds instructions and tool output: only for who holds the standard key.
      const key = readCredential(req, 'openai')
      if (key !== options.apiKey) return refuseCredential(res, 'openai', key)
      res.setHeader('x-sim-ground-truth-dropped', String(groundTruth.dropped))
      return sendJson(res, 200, groundTruth.list(url.searchParams.get('call_id') ?? undefined))
    }
    const liveRoutes = [
      liveCreateRoute({ apiKey: options.apiKey, live, nowSeconds }),
      liveCallControlRoute({ apiKey: options.apiKey, sip, live, nowSeconds })
    ]
    for (const extra of [
      responses,
      modelsRoute(options.apiKey),
      ...liveRoutes,
      ...sipRoutes,
      ...(options.extraRoutes ?? [])
    ])
      if (await extra(req, res, url)) return
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

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    stampRequestId(res)
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
  }
  const server = options.tls ? createTlsServer(options.tls, handle) : createServer(handle)
  const stopSockets = serveRealtimeSockets(server, {
    live: liveUpgrades({ apiKey: options.apiKey, live, log: groundTruth, nowSeconds }),
    apiKey: options.apiKey,
    keys,
    hub,
    log: groundTruth
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    groundTruth,
    hub,
    live,
    placePhoneCall: (request) => sip.place(request),
    close: async () => {
      sip.close()
      hub.closeAll()
      live.closeAll()
      stopSockets()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      groundTruth.close()
    }
  }
}

function webhookSender(options: SimulatorOptions, log: GroundTruthLog): WebhookSender | null {
  const { webhookUrl: url, webhookSecret: secret } = options
  if (url === undefined && secret === undefined) return null
  if (url === undefined || secret === undefined)
    throw new Error('webhookUrl and webhookSecret go together: the platform signs every webhook.')
  return new WebhookSender({ url, secret }, log, options.webhookRetry)
}
