import type { ClientConfig } from 'pg'
import { TeamChannel } from '../../../src/main/team/TeamChannel'
import { measureAlertLatency } from './measureAlertLatency'

/** Alerts published before the measured ones: connections settled, code paths compiled. */
const WARM_UP_ALERTS = 5

/**
 * Two desks, each a TeamChannel with its own pg connections to `connection`: after a warm-up,
 * `alerts` alerts published on desk A one every `gapMs`; per alert, the ms until desk B heard it.
 */
export async function deskToDeskLatency(
  connection: ClientConfig,
  alerts: number,
  gapMs: number
): Promise<number[]> {
  const deskA = new TeamChannel({ connection })
  const deskB = new TeamChannel({ connection })
  try {
    if ((await deskA.start()) !== 'connected' || (await deskB.start()) !== 'connected')
      throw new Error('a desk could not connect')
    await measureAlertLatency(deskA, deskB, WARM_UP_ALERTS, gapMs)
    return await measureAlertLatency(deskA, deskB, alerts, gapMs)
  } finally {
    await Promise.all([deskA.close(), deskB.close()])
  }
}
