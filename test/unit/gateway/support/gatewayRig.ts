import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { parseTeamUrl } from '../../../../src/shared/settings/teamUrl'
import { teamClientConfig } from '../../../../src/main/settings/teamClientConfig'
import { openGatewayServices } from '../../../../src/main/gateway/openGatewayServices'
import {
  startGateway,
  type Gateway,
  type GatewayOptions
} from '../../../../src/main/gateway/startGateway'
import type { TestPostgres } from '../../../support/postgres'
import { RESOURCES_DIR, useTempDir } from '../../../support/tempDir'

export type RigOptions = Partial<Omit<GatewayOptions, 'services' | 'log'>> & {
  /** The instance's settings.json (the console's format: the engine, instructions, voice…). */
  settings?: Record<string, unknown>
}

/** Where a gateway under test sends its API calls when the test has no simulator: nowhere. */
const NO_API = 'http://127.0.0.1:9'

/**
 * Gateways on the test file's PostgreSQL, each with its own data folder and a log kept in
 * memory; every gateway started is closed after the test.
 */
export function useGateways(pg: TestPostgres) {
  const tmp = useTempDir()
  const started: Gateway[] = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map((gateway) => gateway.close()))
  })
  return {
    /** A gateway on `url` (a fresh database when absent), lexical catalog search. */
    async start(url?: string, options: RigOptions = {}) {
      const teamUrl = `${url ?? (await pg.freshUrl())}?sslmode=disable`
      const parsed = parseTeamUrl(teamUrl)
      if ('error' in parsed) throw new Error(parsed.error)
      const lines: string[] = []
      const log = (line: string): void => void lines.push(line)
      const instance = options.instance ?? 'gw-test'
      const dataDir = `${tmp.path()}/${instance}-${started.length}`
      if (options.settings) {
        mkdirSync(dataDir, { recursive: true })
        writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(options.settings))
      }
      const services = await openGatewayServices({
        connection: teamClientConfig(parsed.connection, parsed.password ?? undefined),
        instance,
        dataDir,
        resourcesDir: RESOURCES_DIR,
        log
      })
      const gateway = await startGateway({
        port: 0,
        host: '127.0.0.1',
        instance,
        maxCalls: 5,
        realtimeBaseUrl: NO_API,
        apiKey: 'sk-test-unused',
        webhookSecret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
        webCallPageDir: `${RESOURCES_DIR}/web-call`,
        ...options,
        services,
        log
      })
      started.push(gateway)
      return { gateway, services, lines, teamUrl }
    }
  }
}
