import { describe, expect, it } from 'vitest'
import type { NewAlert } from '../../../../src/main/database/SessionDatabase'
import { skipWithoutPostgres, usePostgres } from '../../../support/postgres'

const alert = (sessionId: string, alertId?: number): NewAlert => ({
  alertId,
  sessionId,
  rule: 'human_request',
  severity: 'critical',
  raisedAt: '2026-11-25T14:30:16.000Z',
  evidence: '{}'
})

// A desk queues an alert (the team database busy with an import's commit) with an id it
// reserves; other desks keep inserting meanwhile. The reserved id must stay free for it.
describe.skipIf(skipWithoutPostgres)('alerts.reserveId on PostgreSQL', () => {
  const postgres = usePostgres()

  it('hands each desk its own id, never taken by an insert without one', async () => {
    const url = await postgres.freshUrl()
    const deskA = await postgres.open(url)
    const deskB = await postgres.open(url)
    const reservedA = await deskA.alerts.reserveId()
    const reservedB = await deskB.alerts.reserveId()
    expect(reservedB).not.toBe(reservedA)
    // B inserts without an id while A's alert waits: it gets neither reserved id.
    const inserted = await deskB.alerts.insert(alert('LIVE-B'))
    expect([reservedA, reservedB]).not.toContain(inserted)
    // A's queued alert goes in with its reserved id, and B's too; later ids come after.
    expect(await deskA.alerts.insert(alert('LIVE-A', reservedA))).toBe(reservedA)
    expect(await deskB.alerts.insert(alert('LIVE-B2', reservedB))).toBe(reservedB)
    expect(await deskA.alerts.insert(alert('LIVE-A2'))).toBeGreaterThan(
      Math.max(reservedA, reservedB, inserted)
    )
    expect((await deskA.alerts.list([], 10)).map((a) => a.session_id).sort()).toEqual([
      'LIVE-A',
      'LIVE-A2',
      'LIVE-B',
      'LIVE-B2'
    ])
  })
})
