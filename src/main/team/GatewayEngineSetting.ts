import type {
  GatewayEngineChoice,
  GatewayEngineSetting as Setting
} from '../../shared/gateway/teamGatewayEngine'
import { FAILED_REASONS } from '../../shared/ipc/result'
import { WriteNotPermittedError } from '../database/SessionDatabase'
import type { PostgresGatewayEngineTable } from '../database/postgres/gatewayEngineTable'
import type { TeamLive } from './TeamLive'

export interface GatewayEngineSettingDeps {
  /** The team database's table; null when this run records on the desk's own SQLite. */
  table: PostgresGatewayEngineTable | null
  /** This console's seat and role in team mode (read at each use: Settings may change them). */
  identity: () => { seat: string; role: 'agent' | 'supervisor' }
  /** The team channel, to tell the gateways at once; null outside team mode. */
  live: () => TeamLive | null
  now?: () => number
}

/**
 * Settings' "Gateway calls' voice engine": the team's choice for its gateways' new calls. Only a
 * supervisor's seat may change it: checked here, and by the database's grants for a login that
 * is not og_supervisor whatever role its Settings claim.
 */
export class GatewayEngineSetting {
  constructor(private readonly deps: GatewayEngineSettingDeps) {}

  async get(): Promise<Setting> {
    const { table } = this.deps
    return { team: table ? await table.read() : null, canChange: this.canChange() }
  }

  async set(engine: GatewayEngineChoice): Promise<Setting> {
    const { table } = this.deps
    if (!table) throw new Error(FAILED_REASONS.teamModeOnlyGatewayEngine)
    if (!this.canChange()) throw new Error(FAILED_REASONS.supervisorOnlyGatewayEngine)
    const { seat } = this.deps.identity()
    const at = new Date((this.deps.now ?? Date.now)()).toISOString()
    try {
      await table.write(engine, { seat, at })
    } catch (error) {
      if (error instanceof WriteNotPermittedError)
        throw new Error(FAILED_REASONS.supervisorOnlyGatewayEngine, { cause: error })
      throw error
    }
    this.deps.live()?.gatewayEngineChanged(engine, at)
    return this.get()
  }

  private canChange(): boolean {
    return this.deps.table !== null && this.deps.identity().role === 'supervisor'
  }
}
