import { describe, expect, expectTypeOf, it } from 'vitest'
import type { ClientEvent, ClientEventType } from '../realtime/clientEvents'
import type { ServerEvent, ServerEventType } from '../realtime/serverEvents'
import type { CallEvent, KnownCallEvent, KnownCallEventType } from './callEvents'
import { isKnownCallEvent } from './callEvents'

// The reducer declares only the fields it reads; the zod-parsed GA events of src/shared/realtime
// must fit those declarations type by type (checked by tsc on this file).
/** The declaration that accepts type T (some declarations accept several types). */
type Accepting<T extends string, K = KnownCallEvent> = K extends { type: infer U }
  ? T extends U
    ? K
    : never
  : never
type Fits<Full extends { type: string }, T extends string> = [Extract<Full, { type: T }>] extends [
  Accepting<T>
]
  ? [Accepting<T>] extends [never]
    ? false
    : true
  : false
type ServerFit = { [T in Extract<ServerEventType, KnownCallEventType>]: Fits<ServerEvent, T> }
type ClientFit = { [T in Extract<ClientEventType, KnownCallEventType>]: Fits<ClientEvent, T> }

describe('call events', () => {
  it('accepts the realtime schemas’ event types as they are', () => {
    expectTypeOf<ServerFit>().toEqualTypeOf<{ [T in keyof ServerFit]: true }>()
    expectTypeOf<ClientFit>().toEqualTypeOf<{ [T in keyof ClientFit]: true }>()
    expectTypeOf<ServerEvent>().toExtend<CallEvent>()
    expectTypeOf<ClientEvent>().toExtend<CallEvent>()
  })

  it('reads known types and lets the others through', () => {
    expect(isKnownCallEvent({ type: 'response.done' })).toBe(true)
    expect(isKnownCallEvent({ type: 'remote_audio.audible' })).toBe(true)
    expect(isKnownCallEvent({ type: 'rate_limits.updated' })).toBe(false)
    expect(isKnownCallEvent({ type: 'toString' })).toBe(false)
  })
})
