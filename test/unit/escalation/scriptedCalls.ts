import { agentAnswer, callerSpeech, recording, sessionCreated } from '../../support/callFixtures'
import type { KnownCallInput } from '../../../src/shared/live-call/callEvents'
import type { CallDomainEvent } from '../../../src/shared/live-call/domainEvents'
import type { TurnRecord } from '../../../src/shared/live-call/callRecords'

// Calls for the escalation tests, as the reducer would see them (recorded-style inputs), and
// hand-written domain events for rules the reducer fixtures do not reach.

const LONG =
  'We have many tents, from one person tents to family tents for six, all in stock today.'

export interface CallerLine {
  /** Words the caller says over the agent's answer. */
  text: string
  /** ms into the agent's audio when the caller starts. */
  intoAudioMs?: number
  /** The server cuts the agent for it (interrupt_response on). */
  cuts?: boolean
}

/**
 * A call where, after an opening question, each line is spoken over the agent's answer, which
 * starts 400 ms after the previous caller speech stopped; the next question comes `gapMs` after
 * the caller's line (so interruptions start 8.4 s apart by default).
 */
export function overAgentCall(lines: readonly CallerLine[], gapMs = 2000): KnownCallInput[] {
  const parts: (KnownCallInput | KnownCallInput[])[] = [
    sessionCreated(0, 'sess_1'),
    callerSpeech('item_0', 200, 1500, 'I need a tent.')
  ]
  let stop = 1500
  lines.forEach((line, i) => {
    const audio = stop + 400
    const start = audio + (line.intoAudioMs ?? 2000)
    const end = start + 1200
    parts.push(
      agentAnswer(
        `resp_${i}`,
        {
          created: stop + 10,
          audio,
          done: stop + 300,
          stopped: line.cuts === false ? start + 4000 : null
        },
        LONG
      ),
      callerSpeech(`item_${i + 1}`, start, end, line.text)
    )
    if (line.cuts !== false)
      parts.push({
        t: start + 5,
        event: { type: 'output_audio_buffer.cleared', response_id: `resp_${i}` }
      })
    stop = Math.max(end, start + 4000) + gapMs
  })
  parts.push(
    agentAnswer(
      'resp_last',
      { created: stop + 10, audio: stop + 400, done: stop + 600, stopped: stop + 3000 },
      'Okay.'
    )
  )
  parts.push({ t: stop + 5000, event: { type: 'call.ended' } })
  return recording(...parts)
}

let seq = 0
const t = (): number => (seq += 1000)

export const bargeIn = (
  at: number,
  transcript: string | null = 'wait',
  itemId = `b${at}`
): CallDomainEvent => ({
  type: 'barge_in.confirmed',
  t: at + 300,
  itemId,
  responseId: 'r',
  startT: at,
  transcript,
  heard: null,
  interruptions: 0
})

export const said = (
  transcript: string,
  kind: 'turn' | 'barge_in' | 'overlap' | 'backchannel' | 'echo_suspect' | null = 'turn',
  itemId = `u${seq}`
): CallDomainEvent => ({
  type: 'caller.transcribed',
  t: t(),
  itemId,
  transcript,
  language: null,
  kind
})

export function turnRecord(
  index: number,
  atEarMs: number | null,
  exclusion: TurnRecord['exclusion'] = null
): TurnRecord {
  return {
    index,
    callerItemId: `item_${index}`,
    sessionId: 'sess_1',
    kind: 'turn',
    transcript: null,
    language: null,
    callerStartT: index * 10_000,
    callerStopT: index * 10_000 + 1000,
    replyId: `resp_${index}`,
    agentAudioStartT: null,
    agentAudioEndT: null,
    agentAudioEnd: null,
    firstAudibleT: null,
    latencyMs: atEarMs,
    latencySource: 'ear',
    atEarLatencyMs: atEarMs,
    exclusion,
    replyCut: null,
    replyHeard: null,
    interrupted: null,
    toolCallIds: [],
    answer: null
  }
}

export const turnDone = (turn: TurnRecord): CallDomainEvent => ({
  type: 'turn.completed',
  t: turn.callerStopT! + 2000,
  turn
})

export function toolDone(
  outcome: 'ok' | 'zero_results' | 'failed',
  name = 'search_products',
  args = '{"query":"purple tent"}'
): CallDomainEvent {
  const at = t()
  return {
    type: 'tool.finished',
    t: at,
    outcome,
    call: {
      callId: `call_${at}`,
      name,
      arguments: args,
      args: null,
      responseId: null,
      callerItemId: null,
      requestedT: at - 50,
      result: {
        t: at,
        ok: outcome !== 'failed',
        ms: 50,
        resultBytes: 10,
        resultCount: outcome === 'zero_results' ? 0 : outcome === 'ok' ? 3 : null,
        error: outcome === 'failed' ? 'catalog unavailable' : null
      },
      outputSentT: null,
      followUpResponseId: null
    }
  }
}
