import type { HandlersFor } from '../../../shared/ipc/route'
import type { gatewayRoutes } from '../../../shared/ipc/routes/gatewayRoutes'
import type { GatewayCommands } from '../../team/GatewayCommands'

/** A supervisor's takeover of a call gateway's call (GatewayCommands: role check, then stored). */
export function gatewayHandlers(deps: {
  commands: GatewayCommands
}): HandlersFor<typeof gatewayRoutes> {
  return {
    'gateway.act': async (input) => deps.commands.act(input)
  }
}
