import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { CallLeases } from '../../../src/main/gateway/CallLeases'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

// Instances behind one address may log in as different roles, none a superuser: they must still
// see each other up (pg_stat_activity's application_name) and share the calls' leases.
describe.skipIf(skipWithoutPostgres)('call leases across non-superuser roles', () => {
  const pg15 = usePostgres()
  const open: CallLeases[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((leases) => leases.close()))
  })

  const asRole = (url: string, role: string): string => {
    const login = new URL(url)
    login.username = role
    login.password = `${role}-password`
    return login.toString()
  }
  const leasesOf = (url: string, instance: string): CallLeases => {
    const leases = new CallLeases({
      connection: { connectionString: url },
      instance,
      log: () => undefined,
      onLost: () => undefined
    })
    open.push(leases)
    return leases
  }

  it('each sees the other up, one lease per call, and the other is free once one instance is gone', async () => {
    const url = await pg15.freshUrl()
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      for (const role of ['gateway_a', 'gateway_b'])
        await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER PASSWORD '${role}-password'`)
      const { rows } = await admin.query<{ rolsuper: boolean }>(
        `SELECT rolsuper FROM pg_roles WHERE rolname IN ('gateway_a', 'gateway_b')`
      )
      expect(rows.map((r) => r.rolsuper)).toEqual([false, false])
    } finally {
      await admin.end()
    }
    const a = leasesOf(asRole(url, 'gateway_a'), 'gw-a')
    const b = leasesOf(asRole(url, 'gateway_b'), 'gw-b')
    await expect.poll(() => a.readyPeers(), { timeout: 10_000 }).toBe(1)
    await expect.poll(() => b.readyPeers(), { timeout: 10_000 }).toBe(1)
    expect(await a.take('rtc_one')).toBe(true)
    expect(await b.take('rtc_one')).toBe(false)
    expect(await b.take('rtc_two')).toBe(true)
    await a.close()
    open.splice(open.indexOf(a), 1)
    await expect.poll(() => b.readyPeers(), { timeout: 10_000 }).toBe(0)
    expect(await b.take('rtc_one')).toBe(true)
  })
})
