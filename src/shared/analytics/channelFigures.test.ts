import { describe, expect, it } from 'vitest'
import {
  channelFigures,
  isAbandoned,
  type ChannelAlertRow,
  type ChannelCallRow,
  type GreetingTiming
} from './channelFigures'

const call = (over: Partial<ChannelCallRow> & { sessionId: string }): ChannelCallRow => ({
  channel: 'phone',
  outcome: null,
  startedAtMs: 1_000_000,
  endedAtMs: 1_000_000 + 120_000,
  ...over
})

describe('channelFigures', () => {
  it('counts handled, transferred, abandoned and contained calls per channel, in channel order', () => {
    const calls = [
      call({ sessionId: 'P-long', endedAtMs: 1_000_000 + 300_000 }),
      call({ sessionId: 'P-xfer', outcome: 'transferred', endedAtMs: 1_000_000 + 20_000 }),
      call({ sessionId: 'P-ended', outcome: 'ended_by_supervisor', endedAtMs: 1_000_000 + 5_000 }),
      call({ sessionId: 'P-left', endedAtMs: 1_000_000 + 12_000 }),
      call({ sessionId: 'P-running', endedAtMs: null }),
      call({ sessionId: 'W-1', channel: 'web', endedAtMs: 1_000_000 + 60_000 }),
      call({ sessionId: 'D-1', channel: 'desk', endedAtMs: 1_000_000 + 30_000 })
    ]
    const greetings = new Map<string, GreetingTiming>([
      ['P-left', { greetingEndMs: 3_000, lastEventMs: 11_500 }],
      ['W-1', { greetingEndMs: 3_000, lastEventMs: 13_001 }]
    ])
    const { channels } = channelFigures(calls, greetings, [])
    expect(channels.map((c) => c.channel)).toEqual(['desk', 'phone', 'web'])
    const phone = channels[1]!
    expect(phone).toMatchObject({
      handled: 4,
      transferred: 1,
      abandoned: 1,
      contained: 2,
      alerts: 0,
      actedAlerts: 0,
      medianFirstActionMs: null
    })
    expect(phone.averageHandleMs).toBe((300_000 + 20_000 + 5_000 + 12_000) / 4)
    // 10.001 s after the greeting: not abandoned.
    expect(channels[2]).toMatchObject({ handled: 1, abandoned: 0, contained: 1 })
  })

  it('takes the median time from an alert to its first action, over the alerts acted on', () => {
    const alerts: ChannelAlertRow[] = [
      {
        channel: 'phone',
        raisedAt: '2026-12-07T10:00:00.000Z',
        firstActionAt: '2026-12-07T10:00:04.000Z'
      },
      {
        channel: 'phone',
        raisedAt: '2026-12-07T10:00:00.000Z',
        firstActionAt: '2026-12-07T10:00:10.000Z'
      },
      {
        channel: 'phone',
        raisedAt: '2026-12-07T10:00:00.000Z',
        firstActionAt: '2026-12-07T10:01:00.000Z'
      },
      { channel: 'phone', raisedAt: '2026-12-07T10:00:00.000Z', firstActionAt: null },
      { channel: 'web', raisedAt: '2026-12-07T10:00:00.000Z', firstActionAt: null }
    ]
    const { channels } = channelFigures([], new Map(), alerts)
    expect(channels).toEqual([
      expect.objectContaining({
        channel: 'phone',
        handled: 0,
        alerts: 4,
        actedAlerts: 3,
        medianFirstActionMs: 10_000,
        averageHandleMs: null
      }),
      expect.objectContaining({
        channel: 'web',
        alerts: 1,
        actedAlerts: 0,
        medianFirstActionMs: null
      })
    ])
  })

  it('calls abandoned only a short call the caller left within 10 s of the greeting, or before it ended', () => {
    const short = call({ sessionId: 'S', endedAtMs: 1_000_000 + 15_000 })
    expect(isAbandoned(short, { greetingEndMs: 4_000, lastEventMs: 14_000 })).toBe(true)
    expect(isAbandoned(short, { greetingEndMs: 4_000, lastEventMs: 14_001 })).toBe(false)
    expect(isAbandoned(short, { greetingEndMs: null, lastEventMs: 2_000 })).toBe(true)
    // Without its events (none recorded) nothing is claimed.
    expect(isAbandoned(short, undefined)).toBe(false)
    // A transfer or a supervisor's hang-up is not the caller leaving.
    expect(
      isAbandoned({ ...short, outcome: 'transferred' }, { greetingEndMs: null, lastEventMs: 1 })
    ).toBe(false)
    // A long call is never a candidate.
    const long = call({ sessionId: 'L', endedAtMs: 1_000_000 + 71_000 })
    expect(isAbandoned(long, { greetingEndMs: 65_000, lastEventMs: 66_000 })).toBe(false)
  })
})
