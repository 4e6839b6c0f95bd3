import { describe, expect, it } from 'vitest'
import { sidebandUrl } from './sidebandUrl'

describe('sidebandUrl', () => {
  it('is wss: for https and ws: for a loopback simulator, with the call id encoded', () => {
    expect(sidebandUrl('https://api.openai.com', 'rtc_12ab')).toBe(
      'wss://api.openai.com/v1/realtime?call_id=rtc_12ab'
    )
    expect(sidebandUrl('http://127.0.0.1:8790/', 'rtc_1')).toBe(
      'ws://127.0.0.1:8790/v1/realtime?call_id=rtc_1'
    )
    expect(sidebandUrl('https://gw.example/openai', 'a&b')).toBe(
      'wss://gw.example/openai/v1/realtime?call_id=a%26b'
    )
  })
})
