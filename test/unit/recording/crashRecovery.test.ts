import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import {
  BARGE_IN_CLEARED,
  callerSpeech,
  recording,
  sessionCreated
} from '../../support/callFixtures'
import { useTempDir } from '../../support/tempDir'
import { openConsole, STARTED_AT } from './support'
import { deskDatabaseOf } from '../../support/testServices'

type Ok<T> = { ok: true; data: T }
const data = <T>(result: unknown): T => {
  expect(result).toMatchObject({ ok: true })
  return (result as Ok<T>).data
}

describe('a call cut off by a crash', () => {
  const tmp = useTempDir()
  const opened: Services[] = []
  afterEach(() => {
    for (const s of opened.splice(0)) s.close()
  })
  const start = async (): Promise<Awaited<ReturnType<typeof openConsole>>> => {
    const console = await openConsole(tmp.path())
    opened.push(console.services)
    return console
  }

  it('is finalized from its stored events on the next start and marked incomplete', async () => {
    const first = await start()
    const { sessionId } = data<{ sessionId: string }>(
      await first.call('recording.begin', {
        provider: 'openai',
        model: 'gpt-realtime',
        startedAt: STARTED_AT
      })
    )
    // Everything up to the second answer's start; no call.ended ever arrives.
    const recorded = BARGE_IN_CLEARED.filter((i) => i.t < 6800)
    data(await first.call('recording.append', { sessionId, events: recorded.slice(0, 10) }))
    data(await first.call('recording.append', { sessionId, events: recorded.slice(10) }))
    expect(await first.services.store.count({ source: ['live'] })).toBe(0)
    // The process dies: no finish. (Closing only releases the file; nothing is flushed.)
    first.services.close()
    opened.pop()

    const second = await start()
    const detail = data<{
      status: string
      session: Record<string, unknown> | null
      labels: unknown
    }>(await second.call('recording.get', { sessionId }))
    expect(detail.status).toBe('incomplete')
    // Start-up does not wait on the network: a recovered call is labelled offline, and says so.
    expect(detail.labels).toEqual({ by: 'lexicon', model: null, reason: 'recovered', error: null })
    expect(second.emitted).toContainEqual(['sessions.changed', { reason: 'recorded', count: 1 }])
    const lastT = Math.max(...recorded.map((i) => i.t))
    expect(detail.session).toMatchObject({
      session_id: sessionId,
      source: 'live',
      interruptions: 1,
      duration_sec: Math.round(lastT / 100) / 10,
      started_at: new Date(STARTED_AT).toISOString(),
      ended_at: new Date(STARTED_AT + lastT).toISOString(),
      language: 'en'
    })
    const p50 = detail.session?.['latency_p50_ms'] as number
    expect(p50).toBeGreaterThan(0)
    expect(detail.session?.['latency_p95_ms']).toBeGreaterThanOrEqual(p50)
    // A recovered call stays closed.
    const late = await second.call('recording.append', { sessionId, events: recorded })
    expect(late).toMatchObject({ ok: false })
  })

  it('gives a call with no counted turn a valid row: latency 0, counted_turns 0', async () => {
    const first = await start()
    const { sessionId } = data<{ sessionId: string }>(
      await first.call('recording.begin', { provider: 'azure', model: 'rt', startedAt: STARTED_AT })
    )
    const hello = recording(sessionCreated(0, 's1'), callerSpeech('item_1', 200, 1500, 'Hola?'))
    data(await first.call('recording.append', { sessionId, events: hello }))
    first.services.close()
    opened.pop()

    const second = await start()
    const row = deskDatabaseOf(second.services)
      .connection.prepare(
        `SELECT s.latency_p50_ms, s.latency_p95_ms, s.turns, s.model, c.counted_turns, c.status
         FROM sessions s JOIN calls c USING (session_id) WHERE session_id = ?`
      )
      .get(sessionId)
    expect(row).toEqual({
      latency_p50_ms: 0,
      latency_p95_ms: 0,
      turns: 1,
      model: 'gpt-realtime',
      counted_turns: 0,
      status: 'incomplete'
    })
  })

  it('gives a call begun with no events at all a row too', async () => {
    const first = await start()
    const { sessionId } = data<{ sessionId: string }>(
      await first.call('recording.begin', {
        provider: 'openai',
        model: 'm1',
        startedAt: STARTED_AT
      })
    )
    first.services.close()
    opened.pop()
    const second = await start()
    const detail = data<{ status: string; session: Record<string, unknown> }>(
      await second.call('recording.get', { sessionId })
    )
    expect(detail).toMatchObject({
      status: 'incomplete',
      session: { duration_sec: 0, turns: 0, model: 'm1', language: 'und', latency_p50_ms: 0 }
    })
  })
})
