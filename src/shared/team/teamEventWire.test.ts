import { describe, expect, it } from 'vitest'
import { NOTIFY_PAYLOAD_LIMIT_BYTES, TEAM_TEXT_MAX_CHARS, type TeamEvent } from './teamEvents'
import { decodeTeamEvent, encodeTeamEvent, wireText } from './teamEventWire'

const raised: TeamEvent = {
  type: 'alert.raised',
  alertId: 42,
  sessionId: 'desk-a-call-1',
  seat: 'ana',
  rule: 'human_request',
  severity: 'critical',
  raisedAt: '2026-12-06T23:40:00.000Z',
  summary: 'Caller asked for a human: "let me talk to a person"'
}

const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length

describe('team events on the wire', () => {
  it('round-trips every kind of event', () => {
    const events: TeamEvent[] = [
      raised,
      {
        type: 'alert.acted',
        alertId: 42,
        sessionId: 'desk-a-call-1',
        action: 'escalate',
        bySeat: 'sup-bo',
        at: '2026-12-06T23:40:02.000Z',
        note: null
      },
      {
        type: 'call.progress',
        sessionId: 'desk-a-call-1',
        seat: 'ana',
        startedAt: '2026-12-06T23:39:00.000Z',
        language: 'es',
        turns: 7,
        interruptions: 3,
        p50Ms: 812.5,
        latestAlert: {
          alertId: 42,
          rule: 'human_request',
          severity: 'critical',
          raisedAt: '2026-12-06T23:40:00.000Z',
          status: 'open'
        }
      },
      { type: 'call.ended', sessionId: 'desk-a-call-1', seat: 'ana' },
      { type: 'call.recorded', sessionId: 'desk-a-call-1', seat: 'ana', inputs: 12 },
      { type: 'rules.changed', bySeat: 'sup-bo', at: '2026-12-06T23:41:00.000Z' },
      {
        type: 'gateway.engineChanged',
        engine: 'live',
        bySeat: 'sup-bo',
        at: '2026-12-06T23:42:00.000Z'
      },
      {
        type: 'gateway.engineChanged',
        engine: null,
        bySeat: 'sup-bo',
        at: '2026-12-06T23:43:00.000Z'
      }
    ]
    for (const event of events)
      expect(decodeTeamEvent(encodeTeamEvent(event))).toEqual({ ok: true, event })
  })

  it('keeps the largest valid event under the NOTIFY limit, multibyte text included', () => {
    const longest: TeamEvent = {
      ...raised,
      sessionId: 'ß'.repeat(200),
      seat: '😀'.repeat(64),
      summary: '😀'.repeat(TEAM_TEXT_MAX_CHARS / 2)
    }
    const payload = encodeTeamEvent(longest)
    expect(utf8Bytes(payload)).toBeLessThan(NOTIFY_PAYLOAD_LIMIT_BYTES)
  })

  it('refuses invalid events and events over the limit instead of cutting them', () => {
    expect(() =>
      encodeTeamEvent({ ...raised, summary: 'x'.repeat(TEAM_TEXT_MAX_CHARS + 1) })
    ).toThrow()
    expect(() => encodeTeamEvent({ ...raised, alertId: 0 })).toThrow()
  })

  it('cuts free text to what the wire carries, by characters not bytes', () => {
    expect(wireText('short')).toBe('short')
    const cut = wireText('é'.repeat(1000))
    expect(Array.from(cut)).toHaveLength(TEAM_TEXT_MAX_CHARS)
    expect(cut.endsWith('…')).toBe(true)
    expect(() => encodeTeamEvent({ ...raised, summary: wireText('😀'.repeat(5000)) })).not.toThrow()
  })

  it('names why a payload is dropped, without echoing it', () => {
    expect(decodeTeamEvent('{nope')).toEqual({ ok: false, reason: 'not JSON' })
    expect(decodeTeamEvent('[1]')).toEqual({ ok: false, reason: 'not an object' })
    expect(decodeTeamEvent(JSON.stringify({ ...raised, v: 2 }))).toEqual({
      ok: false,
      reason: 'wire version 2'
    })
    expect(decodeTeamEvent(JSON.stringify({ ...raised, v: 'secret-ish' }))).toEqual({
      ok: false,
      reason: 'wire version string'
    })
    const bad = decodeTeamEvent(JSON.stringify({ ...raised, v: 1, severity: 'doom', extra: 1 }))
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.reason).toMatch(/severity/)
    expect(decodeTeamEvent(JSON.stringify({ v: 1, type: 'call.exploded' })).ok).toBe(false)
  })
})
