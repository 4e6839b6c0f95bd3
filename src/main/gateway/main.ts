import { hostname, homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  GATEWAY_FLAGS,
  GatewayFlagError,
  gatewayConfigFromFlags,
  type GatewayConfig
} from '../../shared/gateway/gatewayFlags'
import { providerEngine } from '../../shared/settings/settingsSchema'
import { teamUrlWithoutPassword } from '../../shared/settings/teamUrl'
import { catalogIndexRoot } from '../catalog/CatalogService'
import { offlineEmbeddingsInWorker } from '../catalog/embeddings/offlineEmbeddingsInWorker'
import { securePrivateDataFolder } from '../dataFolderModes'
import { teamClientConfig } from '../settings/teamClientConfig'
import { openGatewayServices } from './openGatewayServices'
import { readSecretFile, SecretFileError } from './readSecretFile'
import { startGateway } from './startGateway'
import { stopOnSignals } from './stopOnSignals'
import { WEB_CALL_PATH } from './webCallRoute'

// npm run gateway -- --port P --team-db URL --realtime-base-url URL --api-key-file F
//   --webhook-secret-file F [--team-db-password-file F] [--transfer-uri sip:…] [--max-calls N]
//   [--instance NAME] [--data-dir D] [--host ADDRESS] [--drain-timeout S]   (docs/gateway.md)

// From the sources (npm run gateway, through tsx) or bundled (npm run build:gateway, the
// Dockerfile: out/gateway/gateway.mjs beside its worker, run by plain node).
const FROM_SOURCES = import.meta.url.endsWith('.ts')
const RESOURCES_DIR = fileURLToPath(
  new URL(FROM_SOURCES ? '../../../resources' : '../../resources', import.meta.url)
)
const EMBEDDINGS_WORKER = FROM_SOURCES
  ? new URL('../catalog/embeddings/offlineEmbeddingsWorker.ts', import.meta.url)
  : new URL('./offlineEmbeddingsWorker.mjs', import.meta.url)

const log = (line: string): void => console.log(`[gateway] ${line}`)

function fail(message: string, code = 2): never {
  console.error(`gateway: ${message}`)
  process.exit(code)
}

function readConfig(): GatewayConfig {
  const { values } = parseArgs({
    options: Object.fromEntries(GATEWAY_FLAGS.map((name) => [name, { type: 'string' }] as const)),
    strict: true
  })
  return gatewayConfigFromFlags(values, {
    instance: hostname(),
    dataDir: (instance) => join(homedir(), '.outdoorgear-gateway', instance)
  })
}

/** Reads every secret file; a problem stops start-up, a loose file mode is only said. */
function readSecrets(config: GatewayConfig): {
  apiKey: string
  webhookSecret: string
  dbPassword: string | null
} {
  const files = {
    apiKey: readSecretFile(config.apiKeyFile, '--api-key-file'),
    webhookSecret: readSecretFile(config.webhookSecretFile, '--webhook-secret-file'),
    dbPassword: config.teamDbPasswordFile
      ? readSecretFile(config.teamDbPasswordFile, '--team-db-password-file')
      : null
  }
  for (const file of Object.values(files)) if (file?.warning) log(file.warning)
  if (!files.webhookSecret.value.startsWith('whsec_'))
    throw new SecretFileError("--webhook-secret-file: a webhook secret starts with 'whsec_'")
  return {
    apiKey: files.apiKey.value,
    webhookSecret: files.webhookSecret.value,
    dbPassword: files.dbPassword?.value ?? config.teamDbUrlPassword
  }
}

let config: GatewayConfig
let secrets: ReturnType<typeof readSecrets>
try {
  config = readConfig()
  secrets = readSecrets(config)
} catch (error) {
  if (error instanceof GatewayFlagError || error instanceof SecretFileError) fail(error.message)
  fail(error instanceof Error ? error.message : String(error))
}
if (config.teamDbUrlPassword !== null)
  log('--team-db carries a password, which the process list shows: prefer --team-db-password-file')

securePrivateDataFolder(config.dataDir)
const services = await openGatewayServices({
  connection: teamClientConfig(config.teamDb, secrets.dbPassword ?? undefined),
  instance: config.instance,
  dataDir: config.dataDir,
  resourcesDir: RESOURCES_DIR,
  embeddings: offlineEmbeddingsInWorker(EMBEDDINGS_WORKER, {
    indexRoot: catalogIndexRoot(config.dataDir),
    // From the TypeScript sources the worker runs through tsx, as the harness runs its worker.
    execArgv: FROM_SOURCES ? ['--import', 'tsx'] : []
  }),
  log
})
const gateway = await startGateway({
  port: config.port,
  host: config.host,
  instance: config.instance,
  maxCalls: config.maxCalls,
  realtimeBaseUrl: config.realtimeBaseUrl,
  apiKey: secrets.apiKey,
  webhookSecret: secrets.webhookSecret,
  transferUri: config.transferUri,
  webCallPageDir: join(RESOURCES_DIR, 'web-call'),
  services,
  log
})
log(`instance ${config.instance} on ${gateway.url} (data in ${config.dataDir})`)
log(`team database ${teamUrlWithoutPassword(config.teamDb)}`)
const engine = providerEngine(services.settings.get().provider)
// The team's choice, when a supervisor made one, overrides this (its own "Voice engine" line).
log(
  `API ${config.realtimeBaseUrl}, settings.json's engine ${engine === 'live' ? `GPT-Live (${services.settings.get().liveModel})` : 'the Realtime API'}, new calls on ${services.engine.current()}; at most ${config.maxCalls} calls at once`
)
log(`webhooks: POST ${gateway.webhookPath} (register https://<public host>${gateway.webhookPath})`)
log(`web calls: the customer page is https://<public host>${WEB_CALL_PATH}`)
log(
  config.transferUri
    ? `transfers to a person go to ${config.transferUri}`
    : "no --transfer-uri: a supervisor's transfer is refused (instruct, stop and end call work)"
)

stopOnSignals(gateway, { drainTimeoutMs: config.drainTimeoutMs, log, exit: process.exit })
