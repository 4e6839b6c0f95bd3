import { afterEach, describe, expect, it } from 'vitest'
import { ClientSecretResponse } from '../../../src/shared/realtime/sessionConfig'
import { openRealtimeSocket, refusedHandshake } from './support/realtimeSocket'
import { API_KEY, post, useSimulator } from './support/simServer'
import { callOverWebRtc } from './support/wrtcCaller'

const sidebandUrl = (httpUrl: string, callId: string): string =>
  `${httpUrl.replace('http:', 'ws:')}/v1/realtime?call_id=${callId}`
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` })
const NOT_FOUND = {
  status: 404,
  body: {
    error: {
      message: 'No session found for the provided call_id',
      type: 'invalid_request_error',
      param: '',
      code: 'call_id_not_found'
    }
  }
}

// A real WebRTC call (wrtc) and real sockets on a real simulator.
describe('simulator sideband (/v1/realtime?call_id=…)', { timeout: 40_000 }, () => {
  const simulator = useSimulator()
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

  async function liveCall() {
    const sim = await simulator.start()
    const caller = await callOverWebRtc(sim.url, API_KEY)
    cleanups.push(caller.close)
    await caller.inbox.next('session.created')
    return { sim, caller }
  }

  it("sees the call's events and its client events act on the call", async () => {
    const { sim, caller } = await liveCall()
    const sideband = await openRealtimeSocket(sidebandUrl(sim.url, caller.callId), {
      headers: bearer(API_KEY)
    })
    cleanups.push(() => sideband.ws.close())

    sideband.send({ type: 'session.update', session: { type: 'realtime', instructions: 'Hi.' } })
    for (const inbox of [sideband.inbox, caller.inbox])
      expect((await inbox.next('session.updated'))['session']).toMatchObject({
        instructions: 'Hi.'
      })
    sideband.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Boots?' }] }
    })
    sideband.send({ type: 'response.create' })
    // The caller hears the answer; both see it to the end.
    const doneOnCaller = await caller.inbox.next('response.done')
    const doneOnSideband = await sideband.inbox.next('response.done')
    expect(doneOnSideband['event_id']).toBe(doneOnCaller['event_id'])
    expect(doneOnCaller['response']).toMatchObject({ status: 'completed' })
    await caller.inbox.next('output_audio_buffer.started')
    // A sideband sees only what was sent after it attached.
    expect(sideband.inbox.ofType('session.created')).toEqual([])

    sideband.ws.close()
    const truth = async () => sim.groundTruth.list(caller.callId)
    await expect
      .poll(truth)
      .toContainEqual(expect.objectContaining({ kind: 'sideband', state: 'detached' }))
    const entries = await truth()
    expect(entries).toContainEqual(expect.objectContaining({ kind: 'sideband', state: 'attached' }))
    const received = entries.flatMap((e) =>
      e.kind === 'event' && e.direction === 'received'
        ? [[(e.event as { type: string }).type, e.via]]
        : []
    )
    expect(received).toEqual([
      ['session.update', 'sideband'],
      ['conversation.item.create', 'sideband'],
      ['response.create', 'sideband']
    ])
  })

  it("configures the call before the caller connects, as a server does with the SDP answer's call id", async () => {
    const sim = await simulator.start()
    let sideband: Awaited<ReturnType<typeof openRealtimeSocket>> | undefined
    const caller = await callOverWebRtc(sim.url, API_KEY, async (callId) => {
      sideband = await openRealtimeSocket(sidebandUrl(sim.url, callId), {
        headers: bearer(API_KEY)
      })
      sideband.send({
        type: 'session.update',
        session: { type: 'realtime', instructions: 'Server side.' }
      })
      await sideband.inbox.next('session.updated')
    })
    cleanups.push(caller.close, () => sideband?.ws.close())
    const created = await caller.inbox.next('session.created')
    expect(created['session']).toMatchObject({ instructions: 'Server side.' })
    // The caller's data channel never saw the early update; the sideband sees the greeting.
    expect(caller.inbox.ofType('session.updated')).toEqual([])
    expect((await sideband!.inbox.next('session.created'))['event_id']).toBe(created['event_id'])
    expect(caller.inbox.ofType('session.created')).toHaveLength(1)
  })

  it('honours conversation.item.truncate from the WebRTC caller', async () => {
    const { caller } = await liveCall()
    caller.send({ type: 'response.create' })
    const item = await caller.inbox.next(
      'response.output_item.done',
      (e) => (e['item'] as { type: string }).type === 'message'
    )
    const itemId = (item['item'] as { id: string }).id
    caller.send({
      type: 'conversation.item.truncate',
      item_id: itemId,
      content_index: 0,
      audio_end_ms: 200
    })
    expect(await caller.inbox.next('conversation.item.truncated')).toMatchObject({
      item_id: itemId,
      audio_end_ms: 200
    })
  })

  it('allows several sidebands on one call, and closes each when the call is hung up', async () => {
    const { sim, caller } = await liveCall()
    const sidebands = await Promise.all(
      [1, 2].map(() =>
        openRealtimeSocket(sidebandUrl(sim.url, caller.callId), { headers: bearer(API_KEY) })
      )
    )
    sidebands[0]!.send({ type: 'response.create' })
    for (const { inbox } of sidebands) await inbox.next('response.created')
    const closed = sidebands.map(
      ({ ws }) => new Promise<number>((resolve) => ws.once('close', resolve))
    )
    const hangup = await post(
      `${sim.url}/v1/realtime/calls/${caller.callId}/hangup`,
      bearer(API_KEY),
      ''
    )
    expect(hangup.status).toBe(200)
    expect(await Promise.all(closed)).toEqual([1000, 1000])
    await expect
      .poll(() => sim.groundTruth.list(caller.callId).filter((e) => e.kind === 'sideband'))
      .toHaveLength(4)
  })

  it('refuses an ek_ and unknown calls with 404 call_id_not_found, and a wrong key with 401', async () => {
    const { sim, caller } = await liveCall()
    const minted = await post(
      `${sim.url}/v1/realtime/client_secrets`,
      { ...bearer(API_KEY), 'Content-Type': 'application/json' },
      JSON.stringify({ session: { type: 'realtime' } })
    )
    const secret = ClientSecretResponse.parse(minted.json()).value
    const url = sidebandUrl(sim.url, caller.callId)
    expect(await refusedHandshake(url, { headers: bearer(secret) })).toEqual(NOT_FOUND)
    expect(
      await refusedHandshake(sidebandUrl(sim.url, 'rtc_0123456789abcdef0123'), {
        headers: bearer(API_KEY)
      })
    ).toEqual(NOT_FOUND)
    const wrong = await refusedHandshake(url, { headers: bearer('sk-wrong-0123456789') })
    expect(wrong.status).toBe(401)
  })
})
