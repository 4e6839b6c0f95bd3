import { describe, expect, it } from 'vitest'
import { TeamChannel } from '../../../src/main/team/TeamChannel'
import { waitFor } from './support/teamChannelHarness'

// No server needed: nothing listens on port 1, so every attempt fails and is logged.
describe('TeamChannel and the connection secret', () => {
  it('keeps retrying a database that is not there without logging the password', async () => {
    const logs: string[] = []
    const states: string[] = []
    const channel = new TeamChannel({
      connection: { connectionString: 'postgres://desk:S3cret-pw@127.0.0.1:1/team' },
      backoff: { initialMs: 20, maxMs: 40 },
      log: (line) => logs.push(line)
    })
    channel.onState((state) => states.push(state))
    try {
      expect(await channel.start()).toBe('reconnecting')
      await waitFor('three attempts', () => logs.length >= 3)
      const published = channel.publish({ type: 'call.ended', sessionId: 'c', seat: 'desk' })
      const error = await published.then(
        () => null,
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(Error)
      expect(String(error)).not.toContain('S3cret-pw')
    } finally {
      await channel.close()
    }
    expect(states).toEqual(['reconnecting', 'closed'])
    expect(logs[0]).toMatch(/connection lost \(.*ECONNREFUSED.*\); retrying in \d+ ms/)
    expect(logs.join('\n')).not.toContain('S3cret-pw')
  })
})
