import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { CallSlots } from '../../shared/gateway/callSlots'
import {
  gatewayHealth,
  type EventLoopDelay,
  type GatewayHealth
} from '../../shared/gateway/gatewayHealth'
import { CallCommandRunner } from './CallCommandRunner'
import { liveEngine } from './engines/liveEngine'
import { realtimeEngine } from './engines/realtimeEngine'
import { GatewayDrain, type DrainOutcome } from './GatewayDrain'
import type { GatewayServices } from './openGatewayServices'
import { GatewayCalls } from './GatewayCalls'
import { probeTeamDatabase } from './probeTeamDatabase'
import { realtimeClient } from './realtimeClient'
import { WEB_CALL_PATH, webCallRoute } from './webCallRoute'
import { WebhookLedger } from './WebhookLedger'
import { webhookRoute } from './webhookRoute'

/** How often the event loop's lateness is sampled (ms). */
const LOOP_SAMPLE_MS = 10

export interface GatewayOptions {
  port: number
  host: string
  instance: string
  maxCalls: number
  /** The Realtime API's base, without /v1. */
  realtimeBaseUrl: string
  apiKey: string
  webhookSecret: string
  /** Where a supervisor's transfer sends the caller (`--transfer-uri`); null: refused. */
  transferUri?: string | null
  /** The customer page's files (resources/web-call). */
  webCallPageDir: string
  services: GatewayServices
  log: (line: string) => void
}

export interface Gateway {
  /** `http://host:port`: what the TLS proxy in front forwards to. */
  url: string
  /** The path the platform's webhook endpoint points at (under the public https origin). */
  webhookPath: string
  health(): Promise<GatewayHealth>
  /**
   * A rolling restart (SIGTERM): no new call, /healthz 503 draining, its calls handed to the
   * other instances (GatewayDrain); resolves once none is carried here. Then close().
   */
  drain(timeoutMs: number): Promise<DrainOutcome>
  /** A second SIGTERM while draining: the calls still carried are let go now. */
  finishDraining(): void
  /** Stops taking requests, detaches from its calls (their recordings finalized), closes. */
  close(): Promise<void>
}

/**
 * The call gateway: `POST /webhooks/openai` (signed `realtime.call.incoming` events: each
 * phone call accepted, attached by sideband and recorded, or rejected when every slot is
 * taken), the web channel under `/call` (the customer page and its SDP exchange), `GET /healthz`,
 * and supervisors' commands to its calls (CallCommandRunner).
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { services, instance, log } = options
  const slots = new CallSlots(options.maxCalls)
  const client = realtimeClient(options)
  const ledger = new WebhookLedger(services.database.webhookDeliveries, instance, log)
  const calls = new GatewayCalls({
    engines: {
      realtime: realtimeEngine(client, options.realtimeBaseUrl),
      live: liveEngine(client, options.realtimeBaseUrl)
    },
    realtimeBaseUrl: options.realtimeBaseUrl,
    apiKey: options.apiKey,
    slots,
    services,
    leases: services.leases,
    instance,
    log
  })
  services.whenLeaseLost((callId) => calls.leaseLost(callId))
  calls.startTakingOver()
  const webhooks = webhookRoute({ client, ledger, calls, log })
  const webCalls = webCallRoute({ calls, pageDir: options.webCallPageDir, log })
  const commands = new CallCommandRunner({
    instance,
    transferUri: options.transferUri ?? null,
    database: services.database,
    calls,
    channel: services.teamLive.channel,
    live: services.teamLive.live,
    log
  })

  const drain = new GatewayDrain({
    calls,
    leases: services.leases,
    writesWaiting: () => services.liveWrites.backlog > 0,
    log
  })
  let draining = false
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS })
  loopDelay.enable()
  // Nanoseconds between samples: how late one ran is that less the sampling interval.
  const lateMs = (ns: number): number =>
    Math.max(0, Math.round((ns / 1e6 - LOOP_SAMPLE_MS) * 100) / 100)
  const readLoopDelay = (): EventLoopDelay => {
    const read = {
      p50Ms: lateMs(loopDelay.percentile(50)),
      p99Ms: lateMs(loopDelay.percentile(99)),
      maxMs: lateMs(loopDelay.max)
    }
    loopDelay.reset()
    return read
  }

  const health = async (): Promise<GatewayHealth> =>
    gatewayHealth(
      instance,
      {
        inProgress: slots.inProgress,
        max: slots.max,
        rejectedOverCapacity: slots.rejectedOverCapacity,
        webhooksRefused: webhooks.refused,
        webhooksReplayed: ledger.replayed,
        draining
      },
      {
        reachable: await probeTeamDatabase(services.database),
        outboxWaiting: services.liveWrites.backlog
      },
      readLoopDelay()
    )

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://gateway').pathname
    if (path === '/healthz' && req.method === 'GET') {
      const now = await health()
      return sendJson(res, now.status === 'draining' ? 503 : 200, now)
    }
    // Stopping: a new call is for another instance (the platform retries a webhook answered 5xx).
    if (draining && (path === webhooks.path || path === `${WEB_CALL_PATH}/offer`)) {
      res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5' })
      return void res.end('this gateway instance is stopping')
    }
    if (path === webhooks.path && req.method === 'POST') return webhooks.handle(req, res)
    if (await webCalls.handle(req, res, path)) return
    sendJson(res, 404, { error: 'not found' })
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log(`request ${req.method} ${req.url} failed: ${String(error)}`)
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' })
      else res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    url: `http://${host}:${port}`,
    webhookPath: webhooks.path,
    health,
    drain: (timeoutMs) => {
      draining = true
      return drain.run(timeoutMs)
    },
    finishDraining: () => drain.finish(),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      commands.close()
      loopDelay.disable()
      await calls.close()
      await services.close()
    }
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}
