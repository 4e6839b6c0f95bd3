import { GatewayCallActedSchema, GatewayCallActionSchema } from '../../gateway/callCommands'
import { z } from 'zod'
import {
  GatewayEngineChoiceSchema,
  GatewayEngineSettingSchema
} from '../../gateway/teamGatewayEngine'
import { route } from '../route'

export const gatewayRoutes = {
  /**
   * A supervisor takes over a call the call gateway carries: instruct the agent, stop it
   * speaking, transfer to a person, end the call. Recorded (call_commands, and alert_actions
   * when taken from an alert) and announced; the gateway holding the call carries it out and
   * says how it went (`team.commandDone`). Refused for an agent's seat.
   */
  'gateway.act': route({ input: GatewayCallActionSchema, output: GatewayCallActedSchema }),
  /** The team's voice engine for its gateways' new calls, and whether this seat may change it. */
  'gateway.engine.get': route({
    input: z.object({}).strict(),
    output: GatewayEngineSettingSchema
  }),
  /**
   * Sets it (null: each gateway's own settings.json), with this seat and the time; every
   * gateway applies it to its next call. Refused for an agent's seat or login.
   */
  'gateway.engine.set': route({
    input: z.object({ engine: GatewayEngineChoiceSchema }).strict(),
    output: GatewayEngineSettingSchema
  })
}
