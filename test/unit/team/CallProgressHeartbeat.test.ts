import { describe, expect, it } from 'vitest'
import { CallProgressHeartbeat } from '../../../src/main/team/CallProgressHeartbeat'
import { TeamChannel } from '../../../src/main/team/TeamChannel'
import type { TeamEvent } from '../../../src/shared/team/teamEvents'

const waitForLog = async (logs: string[], count: number): Promise<void> => {
  for (let i = 0; i < 200 && logs.length < count; i++)
    await new Promise((resolve) => setTimeout(resolve, 5))
}

// No server needed: a closed channel refuses to publish, as one whose database is away does.
describe('CallProgressHeartbeat when the team database cannot be reached', () => {
  it('logs what it could not publish or read, and never throws into the call', async () => {
    const channel = new TeamChannel({ connection: { host: '127.0.0.1', port: 1 } })
    await channel.close()
    const logs: string[] = []
    const beat = new CallProgressHeartbeat(
      (e) => channel.publish(e),
      60_000,
      (l) => logs.push(l)
    )
    const figures = {
      sessionId: 'call-1',
      seat: 'desk-a',
      startedAt: new Date().toISOString(),
      language: null,
      turns: 0,
      interruptions: 0,
      p50Ms: null,
      latestAlert: null
    }
    expect(() => beat.begin('call-1', () => figures)).not.toThrow()
    expect(() =>
      beat.reportNow(() => {
        throw new Error('recorder gone')
      })
    ).not.toThrow()
    expect(() => beat.end('call-1', 'desk-a')).not.toThrow()
    await waitForLog(logs, 3)
    expect(logs.sort()).toEqual([
      'call progress not read: recorder gone',
      'team event call.ended not published: the team channel is closed',
      'team event call.progress not published: the team channel is closed'
    ])
  })
})

describe('CallProgressHeartbeat when a call is handed to another seat', () => {
  it('stops beating without telling the boards the call ended', async () => {
    const published: TeamEvent[] = []
    const beat = new CallProgressHeartbeat(async (event) => void published.push(event), 20)
    const figures = {
      sessionId: 'call-1',
      seat: 'gw-a',
      startedAt: new Date().toISOString(),
      language: null,
      turns: 0,
      interruptions: 0,
      p50Ms: null,
      latestAlert: null
    }
    beat.begin('call-1', () => figures)
    await new Promise((resolve) => setTimeout(resolve, 70))
    beat.leave('call-1')
    const beats = published.length
    expect(beats).toBeGreaterThanOrEqual(2)
    await new Promise((resolve) => setTimeout(resolve, 70))
    expect(published).toHaveLength(beats)
    expect(published.every((e) => e.type === 'call.progress')).toBe(true)
  })
})
