import { describe, expect, it } from 'vitest'
import { TeamChannel } from '../../../src/main/team/TeamChannel'
import { deskToDeskLatency } from '../../../tools/bench/teamAlerts/deskToDeskLatency'
import { measureAlertLatency } from '../../../tools/bench/teamAlerts/measureAlertLatency'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

describe.skipIf(skipWithoutPostgres)('the team alert latency bench', () => {
  const postgres = usePostgres()

  it('measures every alert from desk A to desk B, each well under the 1 s target', async () => {
    const deskA = new TeamChannel({ connection: postgres.server().config() })
    const deskB = new TeamChannel({ connection: postgres.server().config() })
    try {
      expect([await deskA.start(), await deskB.start()]).toEqual(['connected', 'connected'])
      const latencies = await measureAlertLatency(deskA, deskB, 10, 5)
      expect(latencies).toHaveLength(10)
      for (const ms of latencies) expect(ms).toBeGreaterThan(0)
      for (const ms of latencies) expect(ms).toBeLessThan(1_000)
    } finally {
      await Promise.all([deskA.close(), deskB.close()])
    }
  })

  it('times alerts between two desks it starts itself, after a warm-up, as bench:team does', async () => {
    const latencies = await deskToDeskLatency(postgres.server().config(), 8, 5)
    expect(latencies).toHaveLength(8)
    for (const ms of latencies) expect(ms).toBeGreaterThan(0)
    for (const ms of latencies) expect(ms).toBeLessThan(1_000)
  })
})
