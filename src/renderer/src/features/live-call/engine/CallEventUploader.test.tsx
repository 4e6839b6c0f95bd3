import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CallInput } from '@shared/live-call/callEvents'
import { mockApi, ok } from '@renderer/test/mockApi'
import { routes } from '@shared/ipc/contract'
import { CallEventUploader, type RecordingStatus } from './CallEventUploader'

const SESSION = 'LIVE-20261125-193000-ab12'
const tick = (t: number): CallInput => ({ t, event: { type: 'clock.tick' } })

describe('CallEventUploader', () => {
  afterEach(() => {
    vi.useRealTimers()
    Reflect.deleteProperty(window, 'api')
  })

  it('sends everything in order, in batches of at most 500, then finishes the session', async () => {
    const request = mockApi({
      'recording.begin': ok({ sessionId: SESSION }),
      'recording.append': ok({ stored: 1 }),
      'recording.finish': ok({ session_id: SESSION })
    })
    const statuses: RecordingStatus[] = []
    const uploader = new CallEventUploader((status) => statuses.push(status))
    // Inputs before begin answers (the start of the call) are kept, not lost.
    for (let i = 0; i < 700; i++) uploader.add(tick(i))
    await uploader.begin({ provider: 'custom', model: 'gpt-realtime', startedAt: 1 })
    for (let i = 700; i < 1203; i++) uploader.add(tick(i))
    await uploader.finish(2)
    const appends = request.mock.calls.filter(([route]) => route === 'recording.append')
    const batches = appends.map(([, input]) => (input as { events: CallInput[] }).events)
    expect(batches.every((b) => b.length > 0 && b.length <= 500)).toBe(true)
    expect(batches.flat().map((e) => e.t)).toEqual(Array.from({ length: 1203 }, (_, i) => i))
    expect(request.mock.calls.at(-1)).toEqual([
      'recording.finish',
      { sessionId: SESSION, endedAt: 2 }
    ])
    expect(statuses).toEqual(['recording', 'saving', 'finished'])
  })

  it('sizes batches in UTF-8 bytes, so multibyte transcripts never exceed the route limit', async () => {
    const request = mockApi({
      'recording.begin': ok({ sessionId: SESSION }),
      'recording.append': ok({ stored: 1 }),
      'recording.finish': ok({ session_id: SESSION })
    })
    const uploader = new CallEventUploader(() => {})
    await uploader.begin({ provider: 'custom', model: 'gpt-realtime', startedAt: 1 })
    // 1,000 characters of Japanese are about 3,000 bytes: sized by characters, a batch would
    // carry three times what the route accepts.
    const delta = '登山靴の返品について'.repeat(100)
    for (let i = 0; i < 300; i++)
      uploader.add({ t: i, event: { type: 'response.output_audio_transcript.delta', delta } })
    await uploader.finish(2)
    const appends = request.mock.calls.filter(([route]) => route === 'recording.append')
    const schema = routes['recording.append'].input
    expect(appends.length).toBeGreaterThan(1)
    for (const [, input] of appends) expect(schema.safeParse(input).success).toBe(true)
    const sent = appends.flatMap(([, input]) => (input as { events: CallInput[] }).events)
    expect(sent.map((e) => e.t)).toEqual(Array.from({ length: 300 }, (_, i) => i))
  })

  it('runs unrecorded, and says so, when main has no recording routes', async () => {
    const request = mockApi({})
    const messages: (string | null)[] = []
    const uploader = new CallEventUploader((_, message) => messages.push(message))
    uploader.add(tick(1))
    await uploader.begin({ provider: 'openai', model: 'gpt-realtime', startedAt: 1 })
    uploader.add(tick(2))
    await expect(uploader.finish(2)).resolves.toBeNull()
    expect(uploader.status).toBe('unavailable')
    expect(messages).toEqual(['This version does not record calls.'])
    expect(request.mock.calls.map(([route]) => route)).toEqual(['recording.begin'])
  })

  const failed = (message: string) => ({ ok: false, error: { code: 'failed', message } }) as const
  const sentTimes = (request: ReturnType<typeof mockApi>): number[] =>
    request.mock.calls
      .filter(([route]) => route === 'recording.append')
      .flatMap(([, input]) => (input as { events: CallInput[] }).events.map((e) => e.t))

  it('retries a failed append with the same batch, and says nothing when it soon works', async () => {
    vi.useFakeTimers()
    const request = mockApi({
      'recording.begin': ok({ sessionId: SESSION }),
      'recording.append': [
        failed('database is locked'),
        failed('database is locked'),
        ok({ stored: 3 }),
        ok({ stored: 2 })
      ],
      'recording.finish': ok({ session_id: SESSION })
    })
    const statuses: RecordingStatus[] = []
    const uploader = new CallEventUploader((status) => statuses.push(status))
    await uploader.begin({ provider: 'custom', model: 'gpt-realtime', startedAt: 1 })
    for (const t of [1, 2, 3]) uploader.add(tick(t))
    const flushed = uploader.flush()
    await vi.advanceTimersByTimeAsync(1000)
    await flushed
    for (const t of [4, 5]) uploader.add(tick(t))
    const finished = uploader.finish(9)
    await vi.advanceTimersByTimeAsync(100)
    await expect(finished).resolves.toMatchObject({ session_id: SESSION })
    // Each input reached main once it went through, in order (failed tries resent the batch).
    expect(sentTimes(request)).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3, 4, 5])
    expect(statuses).toEqual(['recording', 'saving', 'finished'])
  })

  it('says the recording is delayed once appends fail for seconds, and clears when caught up', async () => {
    vi.useFakeTimers()
    const locked = Array.from({ length: 6 }, () => failed('database is locked'))
    mockApi({
      'recording.begin': ok({ sessionId: SESSION }),
      'recording.append': [...locked, ok({ stored: 2 })]
    })
    const seen: [RecordingStatus, string | null][] = []
    const uploader = new CallEventUploader((status, message) => seen.push([status, message]))
    await uploader.begin({ provider: 'custom', model: 'gpt-realtime', startedAt: 1 })
    uploader.add(tick(1))
    uploader.add(tick(2))
    void uploader.flush()
    // Tries at 0, 0.25, 0.75, 1.75, 3.75 s: failing, not yet at risk.
    await vi.advanceTimersByTimeAsync(4000)
    expect(uploader.status).toBe('recording')
    // The try at 7.75 s fails too: now the screen says so, and keeps the inputs.
    await vi.advanceTimersByTimeAsync(4000)
    expect(seen.at(-1)).toEqual([
      'delayed',
      'Recording delayed: 2 events are not saved yet. Retrying…'
    ])
    await vi.advanceTimersByTimeAsync(4000)
    expect(uploader.status).toBe('recording')
    expect(seen.at(-1)).toEqual(['recording', null])
  })

  it('stops at once when main refuses the batch: a retry would get the same answer', async () => {
    const request = mockApi({
      'recording.begin': ok({ sessionId: SESSION }),
      'recording.append': { ok: false, error: { code: 'invalid_input', message: 'Invalid input' } }
    })
    const uploader = new CallEventUploader(() => {})
    await uploader.begin({ provider: 'custom', model: 'gpt-realtime', startedAt: 1 })
    uploader.add(tick(1))
    await uploader.flush()
    expect(uploader.status).toBe('failed')
    expect(request.mock.calls.filter(([route]) => route === 'recording.append')).toHaveLength(1)
  })

  it('gives up at hang-up after 15 s, saves what main has, and keeps saying what was lost', async () => {
    vi.useFakeTimers()
    const request = mockApi({
      'recording.begin': ok({ sessionId: SESSION }),
      'recording.append': Array.from({ length: 10 }, () => failed('main is unreachable')),
      'recording.finish': ok({ session_id: SESSION })
    })
    const seen: [RecordingStatus, string | null][] = []
    const uploader = new CallEventUploader((status, message) => seen.push([status, message]))
    await uploader.begin({ provider: 'custom', model: 'gpt-realtime', startedAt: 1 })
    uploader.add(tick(1))
    const finished = uploader.finish(2)
    await vi.advanceTimersByTimeAsync(20_000)
    await expect(finished).resolves.toMatchObject({ session_id: SESSION })
    expect(request.mock.calls.at(-1)?.[0]).toBe('recording.finish')
    expect(seen.at(-1)).toEqual(['failed', 'Recording stopped: main is unreachable'])
  })
})
