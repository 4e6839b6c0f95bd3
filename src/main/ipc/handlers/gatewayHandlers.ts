import type { HandlersFor } from '../../../shared/ipc/route'
import type { gatewayRoutes } from '../../../shared/ipc/routes/gatewayRoutes'
import type { GatewayCommands } from '../../team/GatewayCommands'
import type { GatewayEngineSetting } from '../../team/GatewayEngineSetting'

/**
 * A supervisor's takeover of a call gateway's call (GatewayCommands: role check, then stored),
 * and the team's voice engine for the gateways' new calls (GatewayEngineSetting).
 */
export function gatewayHandlers(deps: {
  commands: GatewayCommands
  engine: GatewayEngineSetting
}): HandlersFor<typeof gatewayRoutes> {
  return {
    'gateway.act': async (input) => deps.commands.act(input),
    'gateway.engine.get': async () => deps.engine.get(),
    'gateway.engine.set': async ({ engine }) => deps.engine.set(engine)
  }
}
