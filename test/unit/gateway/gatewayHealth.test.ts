import { describe, expect, it } from 'vitest'
import type { GatewayHealth } from '../../../src/shared/gateway/gatewayHealth'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { useGateways } from './support/gatewayRig'

const healthz = async (url: string): Promise<{ status: number; body: GatewayHealth }> => {
  const res = await fetch(`${url}/healthz`)
  return { status: res.status, body: (await res.json()) as GatewayHealth }
}

describe.skipIf(skipWithoutPostgres)('call gateway: /healthz', () => {
  const pg = usePostgres()
  const gateways = useGateways(pg)

  it('says the instance, its calls and whether the team database answers', async () => {
    const { gateway } = await gateways.start(undefined, { instance: 'gw-a', maxCalls: 3 })
    expect(await healthz(gateway.url)).toEqual({
      status: 200,
      body: {
        instance: 'gw-a',
        status: 'ok',
        calls: { inProgress: 0, max: 3, rejectedOverCapacity: 0 },
        webhooks: { refused: 0, replayed: 0 },
        teamDatabase: { reachable: true, outboxWaiting: 0 },
        eventLoopDelay: {
          p50Ms: expect.any(Number),
          p99Ms: expect.any(Number),
          maxMs: expect.any(Number)
        }
      }
    })
    pg.stop()
    try {
      const away = await healthz(gateway.url)
      expect(away.status).toBe(200)
      expect(away.body).toMatchObject({ status: 'degraded', teamDatabase: { reachable: false } })
    } finally {
      await pg.restart()
    }
    await expect
      .poll(async () => (await healthz(gateway.url)).body.status, { timeout: 10_000 })
      .toBe('ok')
  })

  it('says how late its event loop ran since the previous read: a 300 ms block, then none', async () => {
    const { gateway } = await gateways.start()
    await healthz(gateway.url)
    // Blocked inside a timer's callback, as a slow handler would block it. (A block in the
    // microtasks right after a read can fall between the monitor's samples, tried on Node 24.)
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        const until = performance.now() + 300
        while (performance.now() < until);
        resolve()
      }, 20)
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    const blocked = (await healthz(gateway.url)).body.eventLoopDelay
    expect(blocked.maxMs).toBeGreaterThanOrEqual(250)
    expect(blocked.p50Ms).toBeLessThanOrEqual(blocked.maxMs)
  })

  it('answers 404 off its routes', async () => {
    const { gateway } = await gateways.start()
    expect((await fetch(`${gateway.url}/`)).status).toBe(404)
    expect((await fetch(`${gateway.url}/healthz`, { method: 'POST' })).status).toBe(404)
  })
})
