import { GatewayCallActedSchema, GatewayCallActionSchema } from '../../gateway/callCommands'
import { route } from '../route'

export const gatewayRoutes = {
  /**
   * A supervisor takes over a call the call gateway carries: instruct the agent, stop it
   * speaking, transfer to a person, end the call. Recorded (call_commands, and alert_actions
   * when taken from an alert) and announced; the gateway holding the call carries it out and
   * says how it went (`team.commandDone`). Refused for an agent's seat.
   */
  'gateway.act': route({ input: GatewayCallActionSchema, output: GatewayCallActedSchema })
}
