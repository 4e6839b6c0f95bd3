import type { LiveCallRow } from '@shared/team/boardSnapshot'

/**
 * What a gateway call lets a supervisor do (GatewayCallActions): only a phone call can be handed
 * to a person (SIP's `refer`), and GPT-Live has no client event that stops its agent mid-sentence.
 */
export function gatewayCallAbilities(call: {
  channel: LiveCallRow['channel'] | null
  engine: LiveCallRow['engine']
}): { transferable: boolean; stoppable: boolean } {
  return { transferable: call.channel === 'phone', stoppable: call.engine !== 'live' }
}
