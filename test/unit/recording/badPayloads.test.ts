import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import { MAX_EVENTS_PER_BATCH } from '../../../src/shared/ipc/routes/recordingRoutes'
import { useTempDir } from '../../support/tempDir'
import { openConsole, STARTED_AT } from './support'
import { deskDatabaseOf } from '../../support/testServices'

const tick = (t: number): unknown => ({ t, event: { type: 'clock.tick' } })

describe('recording routes refuse bad payloads at the chokepoint', () => {
  const tmp = useTempDir()
  let open: Services | undefined
  afterEach(() => open?.close())

  it('checks begin, append, finish and get inputs before any handler runs', async () => {
    const { services, call } = await openConsole(tmp.path())
    open = services
    const begun = await call('recording.begin', {
      provider: 'openai',
      model: 'gpt-realtime',
      startedAt: STARTED_AT
    })
    const sessionId = (begun as { data: { sessionId: string } }).data.sessionId
    const big = 'x'.repeat(1000)
    const cases: [string, unknown][] = [
      ['recording.begin', { provider: 'openai', model: 'gpt-realtime' }],
      ['recording.begin', { provider: '', model: 'm', startedAt: STARTED_AT }],
      ['recording.begin', { provider: 'p', model: 'm', startedAt: 1.5 }],
      ['recording.begin', { provider: 'p', model: 'm', startedAt: 1, dataDir: '/etc' }],
      ['recording.append', { sessionId, events: [{ t: 1 }] }],
      ['recording.append', { sessionId, events: [{ t: 1, event: { type: '' } }] }],
      ['recording.append', { sessionId, events: [{ t: 1, event: 'session.created' }] }],
      ['recording.append', { sessionId, events: [{ t: -1, event: { type: 'x' } }] }],
      ['recording.append', { sessionId, events: [{ t: 1, event: { type: 'x' }, seq: 3 }] }],
      ['recording.append', { sessionId, events: 'not a list' }],
      [
        'recording.append',
        { sessionId, events: Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, (_, i) => tick(i)) }
      ],
      [
        'recording.append',
        {
          sessionId,
          events: Array.from({ length: 300 }, (_, i) => ({
            t: i,
            event: { type: 'response.output_audio_transcript.delta', delta: big }
          }))
        }
      ],
      ['recording.append', { sessionId: "x' OR 1=1 --", events: [] }],
      // Four or eight hex digits, nothing between.
      ['recording.append', { sessionId: 'LIVE-20261125-143012-beef0', events: [] }],
      ['recording.append', { sessionId: 'LIVE-20261125-143012-BEEF', events: [] }],
      ['recording.finish', { sessionId }],
      ['recording.finish', { sessionId, endedAt: 'now' }],
      ['recording.get', {}]
    ]
    for (const [route, payload] of cases) {
      const result = await call(route, payload)
      expect(result, `${route} ${JSON.stringify(payload).slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
    }
    const rows = deskDatabaseOf(services)
      .connection.prepare('SELECT COUNT(*) AS n FROM events WHERE session_id = ?')
      .get(sessionId)
    expect(rows).toEqual({ n: 0 })
    // The largest batch allowed still goes through.
    const full = Array.from({ length: MAX_EVENTS_PER_BATCH }, (_, i) => tick(i))
    expect(await call('recording.append', { sessionId, events: full })).toEqual({
      ok: true,
      data: { stored: MAX_EVENTS_PER_BATCH }
    })
  })

  it('checks the outbox and wallboard reads too, and answers them on a desk of its own', async () => {
    const { services, call } = await openConsole(tmp.path())
    open = services
    for (const route of ['recording.outbox', 'team.board'])
      for (const payload of [{ seat: 'other' }, 'all', null, [], { since: 0 }])
        expect(await call(route, payload), `${route} ${JSON.stringify(payload)}`).toMatchObject({
          ok: false,
          error: { code: 'invalid_input' }
        })
    expect(await call('recording.outbox', {})).toEqual({
      ok: true,
      data: { unreachable: false, waiting: 0 }
    })
    // No team database in this run: no wallboard.
    expect(await call('team.board', {})).toEqual({ ok: true, data: null })
  })

  it('refuses appends to a call that was never begun', async () => {
    const { services, call } = await openConsole(tmp.path())
    open = services
    const result = await call('recording.append', {
      sessionId: 'LIVE-20261125-143012-beef',
      events: [tick(1)]
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } })
  })
})
