import { afterEach, describe, expect, it } from 'vitest'
import type { BoardSnapshot } from '../../../src/shared/team/boardSnapshot'
import { BoardSnapshotSchema } from '../../../src/shared/team/boardSnapshot'
import { DEFAULT_BOARD_TIMING } from '../../../src/shared/team/liveCallsBoard'
import { CallProgressHeartbeat } from '../../../src/main/team/CallProgressHeartbeat'
import { LiveCallsBoard } from '../../../src/main/team/LiveCallsBoard'
import type { TeamChannel } from '../../../src/main/team/TeamChannel'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { openRecordingChannel, waitFor } from './support/teamChannelHarness'

const startedAt = new Date(Date.now() - 65_000).toISOString()
const figures = (sessionId: string, turns: number) => ({
  sessionId,
  seat: 'desk-a',
  startedAt,
  language: 'en',
  turns,
  interruptions: 3,
  p50Ms: 640,
  latestAlert: null
})

// Desk A (an agent) and desk B (a supervisor's board) on two connections of one real server.
describe.skipIf(skipWithoutPostgres)('Live calls board across desks', () => {
  const postgres = usePostgres()
  const cleanup: (() => unknown)[] = []
  const channel = async (): Promise<TeamChannel> => {
    const { channel } = await openRecordingChannel({ connection: postgres.server().config() })
    cleanup.push(() => channel.close())
    return channel
  }
  const board = (feed: TeamChannel, timing = DEFAULT_BOARD_TIMING): LiveCallsBoard => {
    const live = new LiveCallsBoard(feed, Date.now, timing, 50)
    cleanup.push(() => live.close())
    return live
  }
  const heartbeat = (desk: TeamChannel, everyMs?: number): CallProgressHeartbeat => {
    const beat = new CallProgressHeartbeat((e) => desk.publish(e), everyMs)
    cleanup.push(() => beat.close())
    return beat
  }

  afterEach(async () => {
    for (const undo of cleanup.splice(0).reverse()) await undo()
  })

  it('a board opened after the call started fills within one 2 s heartbeat', async () => {
    const deskA = await channel()
    let turns = 4
    heartbeat(deskA).begin('call-1', () => figures('call-1', turns))
    await new Promise((resolve) => setTimeout(resolve, 300)) // the first report went before B
    const deskB = board(await channel())
    expect(deskB.snapshot().calls).toEqual([])
    const opened = Date.now()
    turns = 6
    await waitFor('the running call', () => deskB.snapshot().calls.length === 1, 5_000)
    expect(Date.now() - opened).toBeLessThanOrEqual(DEFAULT_BOARD_TIMING.heartbeatMs + 500)
    const snapshot = BoardSnapshotSchema.parse(deskB.snapshot())
    expect(snapshot.channel).toBe('connected')
    expect(snapshot.calls[0]).toMatchObject({
      sessionId: 'call-1',
      seat: 'desk-a',
      turns: 6,
      interruptions: 3,
      p50Ms: 640,
      language: 'en',
      stale: false
    })
    expect(snapshot.calls[0]?.durationMs).toBeGreaterThanOrEqual(65_000)
  }, 15_000)

  it('shows the alert raised on A and the action taken on B, and removes the call when it ends', async () => {
    const [deskA, deskBChannel] = [await channel(), await channel()]
    const deskB = board(deskBChannel)
    const seen: BoardSnapshot[] = []
    deskB.onChange((s) => seen.push(s))
    const beat = heartbeat(deskA, 100)
    beat.begin('call-2', () => figures('call-2', 1))
    await waitFor('the call', () => deskB.snapshot().calls.length === 1)
    const raisedAt = new Date().toISOString()
    await deskA.publish({
      type: 'alert.raised',
      alertId: 77,
      sessionId: 'call-2',
      seat: 'desk-a',
      rule: 'interruptions_total',
      severity: 'warning',
      raisedAt,
      summary: 'Caller interrupted 3 times'
    })
    await waitFor('the alert', () => deskB.snapshot().calls[0]?.latestAlert?.alertId === 77)
    await deskBChannel.publish({
      type: 'alert.acted',
      alertId: 77,
      sessionId: 'call-2',
      action: 'escalate',
      bySeat: 'sup-b',
      at: new Date().toISOString(),
      note: null
    })
    await waitFor(
      'the escalation',
      () => deskB.snapshot().calls[0]?.latestAlert?.status === 'escalated'
    )
    // A's heartbeats still say nothing of the alert: the board keeps it, escalated.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(deskB.snapshot().calls[0]?.latestAlert).toEqual({
      alertId: 77,
      rule: 'interruptions_total',
      severity: 'warning',
      raisedAt,
      status: 'escalated'
    })
    beat.end('call-2', 'desk-a')
    await waitFor('the call off the board', () => deskB.snapshot().calls.length === 0)
    expect(seen.length).toBeGreaterThanOrEqual(4)
  })

  it('marks a call stale when its desk stops reporting, then drops it', async () => {
    const timing = { heartbeatMs: 100, staleAfterMs: 400, removeAfterMs: 1_200 }
    const deskA = await channel()
    const deskB = board(await channel(), timing)
    const beat = heartbeat(deskA, timing.heartbeatMs)
    beat.begin('call-3', () => figures('call-3', 2))
    await waitFor('the call', () => deskB.snapshot().calls.length === 1)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(deskB.snapshot().calls[0]?.stale).toBe(false) // heartbeats keep it fresh
    beat.close() // the desk vanished: no call.ended
    await waitFor('stale', () => deskB.snapshot().calls[0]?.stale === true)
    await waitFor('dropped', () => deskB.snapshot().calls.length === 0)
  })
})
