// A gateway instance in a process of its own, so a test can kill it as a machine loses one
// (SIGKILL: no clean close of its sideband, its HTTP server or its database connections). What
// `npm run gateway` runs, minus the flags and the catalog's vector worker (lexical search).
// Its options come as JSON in GATEWAY_PROCESS; it prints `up <url>` once listening. SIGTERM
// stops it as `npm run gateway` stops (stopOnSignals: its calls handed over).
import { openGatewayServices } from '../../../../src/main/gateway/openGatewayServices'
import { startGateway } from '../../../../src/main/gateway/startGateway'
import { stopOnSignals } from '../../../../src/main/gateway/stopOnSignals'
import { teamClientConfig } from '../../../../src/main/settings/teamClientConfig'
import { parseTeamUrl } from '../../../../src/shared/settings/teamUrl'

interface ProcessOptions {
  teamUrl: string
  instance: string
  port: number
  dataDir: string
  resourcesDir: string
  realtimeBaseUrl: string
  apiKey: string
  webhookSecret: string
  transferUri?: string
  drainTimeoutMs?: number
}

const options = JSON.parse(process.env['GATEWAY_PROCESS'] ?? '{}') as ProcessOptions
const parsed = parseTeamUrl(options.teamUrl)
if ('error' in parsed) throw new Error(parsed.error)
const log = (line: string): void => console.log(`[${options.instance}] ${line}`)
const services = await openGatewayServices({
  connection: teamClientConfig(parsed.connection, parsed.password ?? undefined),
  instance: options.instance,
  dataDir: options.dataDir,
  resourcesDir: options.resourcesDir,
  log
})
const gateway = await startGateway({
  port: options.port,
  host: '127.0.0.1',
  instance: options.instance,
  maxCalls: 5,
  realtimeBaseUrl: options.realtimeBaseUrl,
  apiKey: options.apiKey,
  webhookSecret: options.webhookSecret,
  transferUri: options.transferUri ?? null,
  webCallPageDir: `${options.resourcesDir}/web-call`,
  services,
  log
})
console.log(`up ${gateway.url}`)
stopOnSignals(gateway, {
  drainTimeoutMs: options.drainTimeoutMs ?? 60_000,
  log,
  exit: (code) => process.exit(code)
})
