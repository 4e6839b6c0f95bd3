import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CallSlots } from '../../shared/gateway/callSlots'
import { gatewayHealth, type GatewayHealth } from '../../shared/gateway/gatewayHealth'
import { CallCommandRunner } from './CallCommandRunner'
import { liveEngine } from './engines/liveEngine'
import { realtimeEngine } from './engines/realtimeEngine'
import type { GatewayServices } from './openGatewayServices'
import { GatewayCalls } from './GatewayCalls'
import { probeTeamDatabase } from './probeTeamDatabase'
import { realtimeClient } from './realtimeClient'
import { webCallRoute } from './webCallRoute'
import { WebhookLedger } from './WebhookLedger'
import { webhookRoute } from './webhookRoute'

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

  const health = async (): Promise<GatewayHealth> =>
    gatewayHealth(
      instance,
      {
        inProgress: slots.inProgress,
        max: slots.max,
        rejectedOverCapacity: slots.rejectedOverCapacity,
        webhooksRefused: webhooks.refused,
        webhooksReplayed: ledger.replayed
      },
      {
        reachable: await probeTeamDatabase(services.database),
        outboxWaiting: services.liveWrites.backlog
      }
    )

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://gateway').pathname
    if (path === '/healthz' && req.method === 'GET') return sendJson(res, 200, await health())
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
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      commands.close()
      await calls.close()
      await services.close()
    }
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}
