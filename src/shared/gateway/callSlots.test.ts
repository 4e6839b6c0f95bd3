import { describe, expect, it } from 'vitest'
import { CallSlots } from './callSlots'

describe('CallSlots', () => {
  it('takes up to max slots, refuses and counts the next, and frees a slot on release', () => {
    const slots = new CallSlots(2)
    expect([slots.take(), slots.take(), slots.take()]).toEqual([true, true, false])
    expect(slots.inProgress).toBe(2)
    expect(slots.rejectedOverCapacity).toBe(1)
    slots.release()
    expect(slots.take()).toBe(true)
    expect(slots.take()).toBe(false)
    expect(slots.rejectedOverCapacity).toBe(2)
  })

  it('refuses a release with nothing taken, and a max below one', () => {
    expect(() => new CallSlots(1).release()).toThrow('no call slot is taken')
    expect(() => new CallSlots(0)).toThrow()
  })
})
