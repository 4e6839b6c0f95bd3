import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import {
  NOTIFY_PAYLOAD_LIMIT_BYTES,
  type AlertRaisedEvent,
  type TeamEvent
} from '../../../src/shared/team/teamEvents'
import { TEAM_CHANNEL, notifyTeamEvent } from '../../../src/main/team/notifyTeamEvent'
import { startDroppableProxy } from './support/droppableProxy'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { openRecordingChannel, waitFor, type RecordingChannel } from './support/teamChannelHarness'

const raised = (alertId: number): AlertRaisedEvent => ({
  type: 'alert.raised',
  alertId,
  sessionId: 'call-1',
  seat: 'desk-a',
  rule: 'interruptions_total',
  severity: 'warning',
  raisedAt: '2026-12-06T23:40:00.000Z',
  summary: 'Caller interrupted 3 times'
})

// CI must have PostgreSQL; elsewhere the suite is skipped without it.
describe.skipIf(skipWithoutPostgres)('TeamChannel on a real PostgreSQL', () => {
  const postgres = usePostgres()
  const config = (): pg.ClientConfig => postgres.server().config()
  const open: RecordingChannel[] = []
  const desk = async (port?: number): Promise<RecordingChannel> => {
    const channel = await openRecordingChannel({
      connection: { ...config(), port: port ?? postgres.server().port },
      backoff: { initialMs: 50, maxMs: 400 },
      probeEveryMs: 200,
      probeTimeoutMs: 500,
      connectTimeoutMs: 500
    })
    open.push(channel)
    return channel
  }
  const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const client = new pg.Client(config())
    await client.connect()
    try {
      return (await client.query<T>(text, values)).rows
    } finally {
      await client.end()
    }
  }

  afterEach(async () => {
    await Promise.all(open.splice(0).map(({ channel }) => channel.close()))
  })

  it('delivers an event published on one desk to every desk, checked and typed', async () => {
    const [a, b] = [await desk(), await desk()]
    const event: TeamEvent = {
      type: 'alert.acted',
      alertId: 5,
      sessionId: 'call-1',
      action: 'dismiss',
      bySeat: 'desk-b',
      at: new Date().toISOString(),
      note: 'false alarm: background TV'
    }
    await b.channel.publish(event)
    await waitFor('both desks', () => a.events.length === 1 && b.events.length === 1)
    expect(a.events).toEqual([event])
    expect(b.events).toEqual([event])
    expect(a.states).toEqual(['connected'])
  })

  it('drops, logs and counts malformed payloads and delivers the next good one', async () => {
    const b = await desk()
    const bad = [
      '{not json',
      JSON.stringify({ v: 1, type: 'alert.raised', alertId: 'x' }),
      JSON.stringify({ ...raised(1), v: 99 })
    ]
    for (const payload of bad) await sql('SELECT pg_notify($1, $2)', [TEAM_CHANNEL, payload])
    await b.channel.publish(raised(2))
    await waitFor('the good event', () => b.events.length === 1)
    expect(b.events).toEqual([raised(2)])
    expect(b.channel.droppedPayloads).toBe(3)
    expect(b.logs.filter((l) => l.includes('dropped a malformed event'))).toHaveLength(3)
    expect(b.logs.join('\n')).not.toContain('{not json')
  })

  it('announces an event written in a transaction only when it commits', async () => {
    const b = await desk()
    const writer = new pg.Client(config())
    await writer.connect()
    try {
      await writer.query('BEGIN')
      await notifyTeamEvent(writer, raised(30))
      await writer.query('ROLLBACK')
      await writer.query('BEGIN')
      await notifyTeamEvent(writer, raised(31))
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(b.events).toEqual([]) // not before COMMIT
      await writer.query('COMMIT')
    } finally {
      await writer.end()
    }
    await waitFor('the committed event', () => b.events.length === 1)
    expect(b.events).toEqual([raised(31)])
  })

  it('matches the server: NOTIFY takes 7999 bytes and refuses 8000', async () => {
    const b = await desk()
    const payload = (bytes: number): string =>
      'é'.repeat(Math.floor(bytes / 2)) + 'x'.repeat(bytes % 2)
    await sql('SELECT pg_notify($1, $2)', ['team_limit_probe', payload(NOTIFY_PAYLOAD_LIMIT_BYTES)])
    await expect(
      sql('SELECT pg_notify($1, $2)', ['team_limit_probe', payload(NOTIFY_PAYLOAD_LIMIT_BYTES + 1)])
    ).rejects.toThrow(/payload string too long/)
    // publish() refuses before the server does: an event the schema allows is always under it.
    await expect(b.channel.publish({ ...raised(3), summary: 'x'.repeat(9000) })).rejects.toThrow()
  })

  it('reconnects by itself when its backend is terminated, and receives what is published after', async () => {
    const [a, b] = [await desk(), await desk()]
    await sql(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()',
      [`LISTEN "${TEAM_CHANNEL}"`]
    )
    await waitFor('reconnected', () => b.states.join() === 'connected,reconnecting,connected')
    await waitFor('reconnected', () => a.states.at(-1) === 'connected' && a.states.length === 3)
    await a.channel.publish(raised(10))
    await waitFor('the event after the reconnect', () => b.events.length === 1)
    expect(b.logs.some((l) => l.includes('connection lost'))).toBe(true)
  })

  it('notices a network that drops silently, and comes back when it returns', async () => {
    const proxy = await startDroppableProxy(postgres.server().port)
    try {
      const [a, b] = [await desk(), await desk(proxy.port)]
      proxy.drop() // no FIN, no RST: only the probe can tell
      await waitFor('reconnecting', () => b.channel.state === 'reconnecting', 5_000)
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      expect(b.channel.state).toBe('reconnecting') // attempts into the dead network time out
      expect(b.logs.some((l) => l.includes('probe timed out'))).toBe(true)
      expect(b.logs.some((l) => l.includes('timeout'))).toBe(true)
      proxy.restore()
      await waitFor('connected again', () => b.channel.state === 'connected', 5_000)
      await a.channel.publish(raised(40))
      await waitFor('the event after the drop', () => b.events.length === 1)
      expect(b.events).toEqual([raised(40)])
    } finally {
      await proxy.close()
    }
  }, 20_000)

  it('keeps trying while the server is down and resumes when it is back', async () => {
    const [a, b] = [await desk(), await desk()]
    postgres.stop()
    await waitFor('reconnecting', () => b.states.at(-1) === 'reconnecting')
    await expect(a.channel.publish(raised(20))).rejects.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(b.channel.state).toBe('reconnecting')
    await postgres.restart()
    await waitFor(
      'connected again',
      () => b.channel.state === 'connected' && a.channel.state === 'connected'
    )
    await a.channel.publish(raised(21))
    await waitFor('the event after the restart', () =>
      b.events.some((e) => e.type === 'alert.raised' && e.alertId === 21)
    )
    expect(b.events).toHaveLength(1)
  }, 30_000)
})
