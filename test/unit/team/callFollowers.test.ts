import { afterEach, describe, expect, it } from 'vitest'
import type { PostgresSessionDatabase } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import type { NewEvent } from '../../../src/main/database/SessionDatabase'
import { CallFollowers } from '../../../src/main/team/CallFollowers'
import { FAILED_REASONS } from '../../../src/shared/ipc/result'
import type { KnownCallInput } from '../../../src/shared/live-call/callEvents'
import { replayCall } from '../../../src/shared/live-call/callReducer'
import { liveStatus } from '../../../src/shared/live-call/liveView'
import type { FollowedCallChunk } from '../../../src/shared/team/followedCall'
import { applyFollowedChunk, initialFollowedView } from '../../../src/shared/team/followedCallView'
import { BARGE_IN_CLEARED, TOOL_CALL } from '../../support/callFixtures'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { openRecordingChannel, waitFor, type RecordingChannel } from './support/teamChannelHarness'

// A console following a team call (team.followCall) on a real PostgreSQL: the call's stored
// inputs, read after a sequence number each time the recorder announces a stored batch on the
// team channel (LISTEN/NOTIFY), rebuilt by the desk's reducer into the state a replay gives.

const SESSION = 'LIVE-GW-1'

/** An input as the recorder stores it (CallRecorder.append). */
const row = ({ t, event }: KnownCallInput): NewEvent => ({
  atMs: t,
  type: event.type,
  direction: 'server',
  payload: JSON.stringify(event)
})

/** What the gateway sends while the agent speaks, which followers leave in the database. */
const audioDelta = (t: number): NewEvent => ({
  atMs: t,
  type: 'response.output_audio.delta',
  direction: 'server',
  payload: JSON.stringify({ type: 'response.output_audio.delta', delta: 'AAAA'.repeat(500) })
})

describe.skipIf(skipWithoutPostgres)('following a team call from a console', () => {
  const postgres = usePostgres()
  const channels: RecordingChannel[] = []
  const followers: CallFollowers[] = []
  afterEach(async () => {
    for (const f of followers.splice(0)) f.close()
    await Promise.all(channels.splice(0).map(({ channel }) => channel.close()))
  })

  /** A team database with a gateway's phone call begun, the recorder's and a console's channels. */
  async function team(options: { pageRows?: number; endRecheckMs?: number } = {}) {
    const url = await postgres.freshUrl()
    const db: PostgresSessionDatabase = await postgres.open(url)
    await db.calls.insertIfNew({
      sessionId: SESSION,
      callId: 'rtc_1',
      provider: 'openai',
      model: 'gpt-realtime',
      startedAtMs: 1_700_000_000_000,
      pricing: null,
      sentimentReader: 'lexicon',
      seat: 'gw-a',
      channel: 'phone'
    })
    const open = async (): Promise<RecordingChannel> => {
      const channel = await openRecordingChannel({ connection: { connectionString: url } })
      channels.push(channel)
      return channel
    }
    const [gateway, desk] = [await open(), await open()]
    const chunks: FollowedCallChunk[] = []
    const follower = new CallFollowers({
      database: db,
      feed: desk.channel,
      emit: (chunk) => chunks.push(chunk),
      ...options
    })
    followers.push(follower)
    /** The gateway's path: a batch stored, then announced. */
    const record = async (inputs: readonly NewEvent[], announce = true): Promise<void> => {
      await db.events.append(SESSION, inputs)
      if (announce)
        await gateway.channel.publish({
          type: 'call.recorded',
          sessionId: SESSION,
          seat: 'gw-a',
          inputs: inputs.length
        })
    }
    return { db, gateway, desk, chunks, follower, record }
  }

  const rebuilt = (chunks: readonly FollowedCallChunk[]) =>
    chunks.reduce(applyFollowedChunk, initialFollowedView())

  it('sends the inputs so far, then each announced batch, and stops at the recorded end', async () => {
    const { chunks, follower, record } = await team()
    const call = BARGE_IN_CLEARED
    const cut = call.findIndex((input) => input.event.type === 'output_audio_buffer.cleared')
    await record([...call.slice(0, 4).map(row), audioDelta(1950), ...call.slice(4, cut).map(row)])

    const followed = await follower.follow('follow-1', SESSION)
    expect(followed).toEqual({
      sessionId: SESSION,
      channel: 'phone',
      seat: 'gw-a',
      startedAtMs: 1_700_000_000_000,
      status: 'active'
    })
    // Sent before the answer: the catch-up, without the audio, numbered as stored.
    expect(chunks).toHaveLength(1)
    expect(chunks[0]).toMatchObject({ followId: 'follow-1', afterSeq: -1, ended: false })
    expect(chunks[0]!.inputs).toEqual(JSON.parse(JSON.stringify(call.slice(0, cut))))
    expect(chunks[0]!.throughSeq).toBe(cut)

    // Stored but not announced: nothing is read (no polling)…
    await record([row(call[cut]!)], false)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(chunks).toHaveLength(1)
    // …until the next announcement, which reads both batches on from the last number.
    await record(call.slice(cut + 1, -1).map(row))
    await waitFor('the next chunk', () => chunks.length === 2)
    expect(chunks[1]).toMatchObject({ afterSeq: cut, throughSeq: call.length - 1, ended: false })
    expect(liveStatus(rebuilt(chunks).call).interruptions).toBe(1)

    await record([row(call.at(-1)!)])
    await waitFor('the last chunk', () => chunks.length === 3)
    expect(chunks[2]!.ended).toBe(true)
    expect(follower.size).toBe(0)
    const view = rebuilt(chunks)
    expect(view.ended).toBe(true)
    expect(view.call).toEqual(replayCall(JSON.parse(JSON.stringify(call))))
  })

  it('gives a call opened after it ended in pages from its first input, then says it ended', async () => {
    const { db, chunks, follower, record } = await team({ pageRows: 4 })
    // Cut off (no recorded end) and finalized as incomplete, as recovery leaves a call.
    const inputs = TOOL_CALL.filter((input) => input.event.type !== 'call.ended')
    await record(inputs.map(row), false)
    await db.calls.settle(SESSION, {
      status: 'incomplete',
      endedAtMs: 1_700_000_030_000,
      countedTurns: 1,
      finalizedAt: '2026-12-08T10:00:00.000Z',
      labelledBy: 'lexicon',
      labelsReason: null,
      labelsError: null
    })
    expect((await follower.follow('late-1', SESSION)).status).toBe('incomplete')
    expect(chunks.map((c) => c.inputs.length)).toEqual([
      ...Array<number>(Math.floor(inputs.length / 4)).fill(4),
      ...(inputs.length % 4 ? [inputs.length % 4] : []),
      0
    ])
    expect(chunks.at(-1)!.ended).toBe(true)
    const view = rebuilt(chunks)
    expect(view.call.toolCalls.map((c) => c.name)).toEqual(['search_products'])
    expect(follower.size).toBe(0)
  })

  it('looks at the row again when the end is announced before the call is finalized', async () => {
    const { db, gateway, chunks, follower, record } = await team({ endRecheckMs: 100 })
    await record(TOOL_CALL.slice(0, 5).map(row), false)
    await follower.follow('follow-2', SESSION)
    await gateway.channel.publish({ type: 'call.ended', sessionId: SESSION, seat: 'gw-a' })
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(chunks.some((c) => c.ended)).toBe(false)
    await db.calls.settle(SESSION, {
      status: 'finished',
      endedAtMs: 1_700_000_030_000,
      countedTurns: 0,
      finalizedAt: '2026-12-08T10:00:00.000Z',
      labelledBy: 'lexicon',
      labelsReason: null,
      labelsError: null
    })
    await waitFor('the end', () => chunks.some((c) => c.ended))
    expect(follower.size).toBe(0)
  })

  it('sends nothing more once the view lets go, and refuses a session that is no call', async () => {
    const { chunks, follower, record } = await team()
    await record(TOOL_CALL.slice(0, 3).map(row))
    await follower.follow('follow-3', SESSION)
    expect(follower.unfollow('follow-3')).toBe(true)
    expect(follower.unfollow('follow-3')).toBe(false)
    await record(TOOL_CALL.slice(3, 6).map(row))
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(chunks).toHaveLength(1)
    await expect(follower.follow('follow-4', 'S03')).rejects.toThrow(
      FAILED_REASONS.notARecordedCall
    )
    expect(follower.size).toBe(0)
  })

  it('keeps at most its limit of follows, letting the oldest go', async () => {
    const { db, desk, record } = await team()
    await record(TOOL_CALL.slice(0, 2).map(row), false)
    const limited = new CallFollowers({
      database: db,
      feed: desk.channel,
      emit: () => undefined,
      maxFollows: 2
    })
    followers.push(limited)
    for (const id of ['view-a1', 'view-b1', 'view-c1']) await limited.follow(id, SESSION)
    expect(limited.size).toBe(2)
    expect(limited.unfollow('view-a1')).toBe(false)
    expect(limited.unfollow('view-c1')).toBe(true)
  })
})
