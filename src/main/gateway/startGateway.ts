import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CallSlots } from '../../shared/gateway/callSlots'
import { gatewayHealth, type GatewayHealth } from '../../shared/gateway/gatewayHealth'
import type { GatewayServices } from './openGatewayServices'
import { probeTeamDatabase } from './probeTeamDatabase'

export interface GatewayOptions {
  port: number
  host: string
  instance: string
  maxCalls: number
  services: GatewayServices
  log: (line: string) => void
}

export interface Gateway {
  /** `http://host:port`: what the TLS proxy in front forwards to. */
  url: string
  health(): Promise<GatewayHealth>
  /** Stops taking requests and closes the services. */
  close(): Promise<void>
}

/** The call gateway's HTTP side: `/healthz` (and, behind it, the services it runs). */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { services, instance } = options
  const slots = new CallSlots(options.maxCalls)

  const health = async (): Promise<GatewayHealth> =>
    gatewayHealth(
      instance,
      {
        inProgress: slots.inProgress,
        max: slots.max,
        rejectedOverCapacity: slots.rejectedOverCapacity
      },
      {
        reachable: await probeTeamDatabase(services.database),
        outboxWaiting: services.liveWrites.backlog
      }
    )

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://gateway').pathname
    if (path === '/healthz' && req.method === 'GET') return sendJson(res, 200, await health())
    sendJson(res, 404, { error: 'not found' })
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.log(`request ${req.method} ${req.url} failed: ${String(error)}`)
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
    health,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await services.close()
    }
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}
