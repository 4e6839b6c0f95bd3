import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import { NORMAL_CALL, TOOL_CALL } from '../../support/callFixtures'
import { replayCall } from '../../../src/shared/live-call/callReducer'
import { countedLatencies } from '../../../src/shared/live-call/sessionMetrics'
import { turnRecords } from '../../../src/shared/live-call/turnRecords'
import { percentile } from '../../../src/shared/live-call/percentile'
import { useTempDir } from '../../support/tempDir'
import { batches, openConsole, STARTED_AT } from './support'
import { deskDatabaseOf } from '../../support/testServices'

type Ok<T> = { ok: true; data: T }
const data = <T>(result: unknown): T => {
  expect(result).toMatchObject({ ok: true })
  return (result as Ok<T>).data
}

describe('recording a call: begin, append in batches, finish', () => {
  const tmp = useTempDir()
  let open: Services | undefined
  afterEach(() => open?.close())

  it('writes the session row and turns the reducer gives for the recorded events', async () => {
    const { services, call } = await openConsole(tmp.path())
    open = services
    const begun = data<{ sessionId: string }>(
      await call('recording.begin', {
        provider: 'openai',
        model: 'gpt-realtime',
        startedAt: STARTED_AT,
        callId: 'renderer-call-1'
      })
    )
    expect(begun.sessionId).toMatch(/^LIVE-20261125-143012-[0-9a-f]{4}$/)
    const { sessionId } = begun

    // JSON round trip: what crosses IPC is plain data, as the renderer recorded it.
    const recorded = JSON.parse(JSON.stringify(NORMAL_CALL)) as typeof NORMAL_CALL
    let stored = 0
    for (const batch of batches(recorded, 7))
      stored += data<{ stored: number }>(
        await call('recording.append', { sessionId, events: batch })
      ).stored
    expect(stored).toBe(NORMAL_CALL.length)
    const seqs = deskDatabaseOf(services)
      .connection.prepare(
        'SELECT seq, type, direction FROM events WHERE session_id = ? ORDER BY seq'
      )
      .all(sessionId) as { seq: number; type: string; direction: string }[]
    expect(seqs.map((r) => r.seq)).toEqual(NORMAL_CALL.map((_, i) => i))
    expect(seqs.map((r) => r.type)).toEqual(NORMAL_CALL.map((i) => i.event.type))
    expect(seqs.find((r) => r.type === 'response.create')?.direction).toBe('client')
    expect(seqs.find((r) => r.type === 'call.ended')?.direction).toBe('local')
    expect(seqs.find((r) => r.type === 'session.created')?.direction).toBe('server')

    const endedAt = STARTED_AT + 20_400
    const row = data<Record<string, unknown>>(
      await call('recording.finish', { sessionId, endedAt })
    )
    // The same figures as the live reducer's (finalizeSession.test.ts: NORMAL_CALL).
    expect(row).toMatchObject({
      session_id: sessionId,
      source: 'live',
      duration_sec: 20,
      latency_p50_ms: 430,
      latency_p95_ms: 511,
      interruptions: 0,
      turns: 7,
      model: 'gpt-realtime',
      rag_used: false,
      language: 'en',
      started_at: '2026-11-25T14:30:12.000Z',
      ended_at: new Date(endedAt).toISOString(),
      at_ear_p50_ms: 490,
      backchannels: 0,
      tool_calls: 0,
      escalated: null
    })
    expect(['negative', 'neutral', 'positive']).toContain(row['sentiment'])
    expect(await services.store.count({ source: ['live'] })).toBe(1)

    // Turns: one per caller utterance; the counted latencies give the session's P50 back.
    const detail = data<{
      status: string
      events: number
      turns: { latency_ms: number | null; caller_text: string; agent_text: string | null }[]
    }>(await call('recording.get', { sessionId }))
    expect(detail.status).toBe('finished')
    expect(detail.events).toBe(NORMAL_CALL.length)
    const state = replayCall(NORMAL_CALL)
    expect(detail.turns).toHaveLength(turnRecords(state).length)
    expect(detail.turns[0]).toMatchObject({
      caller_text: 'Do you have waterproof hiking boots?',
      agent_text: expect.stringContaining('TrailBlazer X200')
    })
    const latencies = detail.turns.flatMap((t) => (t.latency_ms === null ? [] : [t.latency_ms]))
    expect(latencies).toEqual(countedLatencies(turnRecords(state)))
    expect(percentile(latencies, 0.5)).toBe(row['latency_p50_ms'])
  })

  it('scores a tool call as RAG and the scenario the tool points to', async () => {
    const { services, call, emitted } = await openConsole(tmp.path())
    open = services
    const { sessionId } = data<{ sessionId: string }>(
      await call('recording.begin', { provider: 'simulator', model: 'sim', startedAt: STARTED_AT })
    )
    data(await call('recording.append', { sessionId, events: TOOL_CALL }))
    const row = data<Record<string, unknown>>(
      await call('recording.finish', { sessionId, endedAt: STARTED_AT + 9000 })
    )
    expect(row).toMatchObject({
      rag_used: true,
      tool_calls: 1,
      tool_ms_p50: 65,
      scenario: 'product_inquiry',
      language: 'en'
    })
    // Sessions and Reports refresh when a call is recorded.
    expect(emitted).toContainEqual(['sessions.changed', { reason: 'recorded', count: 1 }])
  })

  it('prices the call as the live estimate did: the prices given at begin, else Settings', async () => {
    const { services, call } = await openConsole(tmp.path())
    open = services
    const record = async (pricing?: Record<string, number>): Promise<number> => {
      const { sessionId } = data<{ sessionId: string }>(
        await call('recording.begin', {
          provider: 'openai',
          model: 'gpt-realtime',
          startedAt: STARTED_AT,
          ...(pricing && { pricing })
        })
      )
      data(await call('recording.append', { sessionId, events: NORMAL_CALL }))
      const row = data<{ cost_usd: number }>(
        await call('recording.finish', { sessionId, endedAt: STARTED_AT + 20_000 })
      )
      return row.cost_usd
    }
    const settingsPrices = await record()
    const doubled = await record({
      audioInput: 64,
      audioOutput: 128,
      textInput: 8,
      textOutput: 32,
      cachedInput: 0.8
    })
    expect(settingsPrices).toBeGreaterThan(0)
    expect(doubled).toBeCloseTo(settingsPrices * 2, 5)
  })

  it('is idempotent on finish and closes the recording', async () => {
    const { services, call } = await openConsole(tmp.path())
    open = services
    const { sessionId } = data<{ sessionId: string }>(
      await call('recording.begin', { provider: 'openai', model: 'gpt-realtime', startedAt: 1 })
    )
    data(await call('recording.append', { sessionId, events: NORMAL_CALL.slice(0, 20) }))
    const first = data(await call('recording.finish', { sessionId, endedAt: 5000 }))
    const again = data(await call('recording.finish', { sessionId, endedAt: 9999 }))
    expect(again).toEqual(first)
    const late = await call('recording.append', { sessionId, events: NORMAL_CALL.slice(20, 21) })
    expect(late).toMatchObject({ ok: false, error: { code: 'failed' } })
    expect(await call('recording.get', { sessionId: 'LIVE-20000101-000000-0000' })).toMatchObject({
      ok: false,
      error: { code: 'failed' }
    })
  })
})
