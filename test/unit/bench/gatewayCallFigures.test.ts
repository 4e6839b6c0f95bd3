import { describe, expect, it } from 'vitest'
import type { GroundTruthEntry } from '../../../src/main/realtime-sim/groundTruth/GroundTruthLog'
import {
  bargeInCountable,
  eventsOnSideband,
  simulatorLateness,
  toolTrips
} from '../../../tools/bench/gateway/callFigures'

const at = (at_ms: number, record: object): GroundTruthEntry =>
  ({ at_ms, call_id: 'rtc_1', ...record }) as GroundTruthEntry
const sent = (ms: number, event: object) => at(ms, { kind: 'event', direction: 'sent', event })
const received = (ms: number, event: object) =>
  at(ms, { kind: 'event', direction: 'received', event })

describe("bench:gateway's figures from the simulator's ground truth", () => {
  it('counts only the events sent while a sideband was attached', () => {
    const truth = [
      sent(1, { type: 'session.created', event_id: 'e0' }),
      at(2, { kind: 'sideband', state: 'attached', sideband_id: 's1' }),
      sent(3, { type: 'response.created', event_id: 'e1' }),
      at(4, { kind: 'sideband', state: 'detached', sideband_id: 's1' }),
      sent(5, { type: 'response.done', event_id: 'e2' }),
      at(6, { kind: 'sideband', state: 'attached', sideband_id: 's2' }),
      sent(7, { type: 'response.done', event_id: 'e3' })
    ]
    expect(eventsOnSideband(truth)).toEqual(['e1', 'e3'])
  })

  it('times a tool from the call sent to its output received, split with the gateway records', () => {
    const truth = [
      sent(100, {
        type: 'response.function_call_arguments.done',
        call_id: 'fc1',
        name: 'search_products',
        event_id: 'a'
      }),
      sent(130, { type: 'response.done' }),
      received(145, { type: 'conversation.item.create', item: { type: 'message' } }),
      received(150, {
        type: 'conversation.item.create',
        item: { type: 'function_call_output', call_id: 'fc1', output: '{"ok":false,"error":{}}' }
      }),
      // An output with no question before it is not a trip.
      received(160, {
        type: 'conversation.item.create',
        item: { type: 'function_call_output', call_id: 'other' }
      })
    ]
    // The gateway's clock runs 1000 ms behind the epoch here.
    const record = (
      at_ms: number,
      direction: string,
      event: { type: string; [k: string]: unknown }
    ) => ({
      at_ms,
      direction,
      type: event.type,
      payload: JSON.stringify(event)
    })
    const recorded = [
      record(-900, 'local', { type: 'connection.state' }),
      record(-890, 'server', { type: 'response.function_call_arguments.done', event_id: 'a' }),
      record(-880, 'local', { type: 'tool.result', call_id: 'fc1', ms: 7 }),
      record(-879, 'client', {
        type: 'conversation.item.create',
        item: { type: 'function_call_output', call_id: 'fc1' }
      })
    ]
    expect(toolTrips(truth, recorded, 1000)).toEqual([
      {
        tool: 'search_products',
        failed: true,
        total: 50,
        toGateway: 10,
        inGateway: 11,
        search: 7,
        back: 29,
        beforeItsDone: true
      }
    ])
    // Without the gateway's clock only the total is known.
    expect(toolTrips(truth, recorded.slice(0, 1), null)).toEqual([
      {
        tool: 'search_products',
        failed: true,
        total: 50,
        toGateway: null,
        inGateway: null,
        search: null,
        back: null,
        beforeItsDone: null
      }
    ])
  })

  it("reads the simulator's lateness from its answers' delays", () => {
    const delay = (scripted: number, actual: number) =>
      at(1, {
        kind: 'response_delay',
        response_id: 'r',
        trigger: 'speech_stopped',
        scripted_delay_ms: scripted,
        actual_delay_ms: actual
      })
    expect(simulatorLateness([delay(300, 310), sent(2, { type: 'x' }), delay(200, 450)])).toEqual([
      10, 250
    ])
  })

  it('dates each barge-in by the cut-in words that let a console count it', () => {
    const words = { type: 'conversation.item.input_audio_transcription.completed' }
    const truth = [
      sent(10, words),
      at(20, {
        kind: 'barge_in',
        response_id: 'r1',
        played_ms: 1,
        total_ms: 2,
        caller_audio_ms: 3
      }),
      sent(25, { type: 'input_audio_buffer.speech_stopped' }),
      sent(40, words),
      at(50, { kind: 'barge_in', response_id: 'r2', played_ms: 1, total_ms: 2, caller_audio_ms: 3 })
    ]
    // The second barge-in's words never came: it is not timed.
    expect(bargeInCountable(truth)).toEqual([40])
  })
})
