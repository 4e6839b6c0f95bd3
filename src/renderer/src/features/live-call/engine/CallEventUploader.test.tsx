import { afterEach, describe, expect, it } from 'vitest'
import type { CallInput } from '@shared/live-call/callEvents'
import { mockApi, ok } from '@renderer/test/mockApi'
import { CallEventUploader, type RecordingStatus } from './CallEventUploader'

const SESSION = 'LIVE-20261125-193000-ab12'
const tick = (t: number): CallInput => ({ t, event: { type: 'clock.tick' } })

describe('CallEventUploader', () => {
  afterEach(() => Reflect.deleteProperty(window, 'api'))

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
})
