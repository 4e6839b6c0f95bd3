import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import { useTempDir } from '../../support/tempDir'
import { data, openConsole, STARTED_AT } from '../recording/support'

const LIST = { filter: {}, sort: { column: 'session_id', direction: 'asc' }, offset: 0, limit: 50 }

describe("removing the pilot's sample sessions (the welcome's offer)", () => {
  const tmp = useTempDir()
  const opened: Services[] = []
  afterEach(() => {
    for (const services of opened.splice(0)) services.close()
  })

  it('deletes the sample only, says so to every window, and a restart does not bring it back', async () => {
    const first = await openConsole(tmp.path())
    opened.push(first.services)
    const seeded = data<{ total: number }>(await first.call('sessions.list', LIST)).total
    expect(seeded).toBeGreaterThan(0)
    // A call recorded at this desk is the user's own: it stays.
    const { sessionId } = data<{ sessionId: string }>(
      await first.call('recording.begin', { provider: 'openai', model: 'm', startedAt: STARTED_AT })
    )
    data(await first.call('recording.finish', { sessionId, endedAt: STARTED_AT + 5_000 }))

    expect(await first.call('sessions.removeSample', {})).toEqual({
      ok: true,
      data: { removed: seeded }
    })
    expect(first.emitted).toContainEqual(['sessions.changed', { reason: 'removed', count: seeded }])
    const left = data<{ rows: { session_id: string }[]; total: number }>(
      await first.call('sessions.list', LIST)
    )
    expect(left.rows.map((row) => row.session_id)).toEqual([sessionId])
    // The facets follow (Reports' columns are read again after the change).
    const facets = data<{ source: string[] }>(await first.call('sessions.facets', {}))
    expect(facets.source).toEqual(['live'])
    // Twice is harmless, and announces nothing.
    const announced = first.emitted.length
    expect(await first.call('sessions.removeSample', {})).toEqual({
      ok: true,
      data: { removed: 0 }
    })
    expect(first.emitted).toHaveLength(announced)
    expect(await first.call('sessions.removeSample', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })

    first.services.close()
    const again = await openConsole(tmp.path())
    opened.push(again.services)
    expect(data<{ total: number }>(await again.call('sessions.list', LIST)).total).toBe(1)
  })
})
