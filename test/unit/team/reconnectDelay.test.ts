import { describe, expect, it } from 'vitest'
import { reconnectDelayMs } from '../../../src/main/team/reconnectDelay'

describe('reconnectDelayMs', () => {
  const backoff = { initialMs: 250, maxMs: 5_000 }
  it('doubles from the first step up to the cap, jittered within [half, whole] of the step', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map((a) => reconnectDelayMs(a, backoff, () => 1))).toEqual([
      250, 500, 1_000, 2_000, 4_000, 5_000, 5_000
    ])
    expect(reconnectDelayMs(0, backoff, () => 0)).toBe(125)
    expect(reconnectDelayMs(9, backoff, () => 0)).toBe(2_500)
  })
})
