import { describe, expect, it } from 'vitest'
import { GatewayCallActionSchema, maskPhoneNumber, maskedCallerFromSipHeader } from './callCommands'

describe("a caller's number on the wallboard", () => {
  it('keeps only the last 4 digits, with the country code of an international number', () => {
    expect(maskPhoneNumber('+14155550142')).toBe('+1 ••• ••• 0142')
    expect(maskPhoneNumber('+442079460958')).toBe('+44 ••• ••• 0958')
    expect(maskPhoneNumber('415-555-0142')).toBe('••• ••• 0142')
    expect(maskPhoneNumber('12345')).toBeNull()
  })

  it("reads the number from a SIP From header (the simulator's and a trunk's forms)", () => {
    expect(maskedCallerFromSipHeader('<sip:+14155550142@sip.sim.invalid>;tag=ab12cd34')).toBe(
      '+1 ••• ••• 0142'
    )
    expect(maskedCallerFromSipHeader('"Pat" <tel:+14155550142>')).toBe('+1 ••• ••• 0142')
    expect(maskedCallerFromSipHeader('sip:+14155550142@trunk.example;user=phone')).toBe(
      '+1 ••• ••• 0142'
    )
    // A SIP user that is a name, not a number: nothing to show.
    expect(maskedCallerFromSipHeader('<sip:alice@example.com>')).toBeNull()
    expect(maskedCallerFromSipHeader('<sip:anonymous@anonymous.invalid>')).toBeNull()
  })
})

describe('gateway.act input', () => {
  it('takes the four takeover actions and refuses anything else', () => {
    const sessionId = 'LIVE-20261207-100000-ab12'
    expect(GatewayCallActionSchema.safeParse({ sessionId, action: 'transfer' }).success).toBe(true)
    expect(
      GatewayCallActionSchema.safeParse({ sessionId, action: 'instruct', instruction: '  ' })
        .success
    ).toBe(false)
    expect(
      GatewayCallActionSchema.safeParse({ sessionId, action: 'stop_agent', alertId: 0 }).success
    ).toBe(false)
    expect(GatewayCallActionSchema.safeParse({ sessionId, action: 'dismiss' }).success).toBe(false)
    expect(
      GatewayCallActionSchema.safeParse({ sessionId, action: 'end_call', sql: 'DROP' }).success
    ).toBe(false)
  })
})
