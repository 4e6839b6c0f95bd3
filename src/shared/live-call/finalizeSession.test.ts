import { describe, expect, it } from 'vitest'
import { LIVE_METRIC_COLUMNS, LAB_COLUMNS } from '../sessions/labSchema'
import { callMetricsConfig } from './callConfig'
import {
  BACKCHANNELS,
  BARGE_IN_CLEARED,
  ECHO_CALL,
  NORMAL_CALL,
  TOOL_CALL,
  recording,
  sessionCreated,
  callerSpeech,
  agentAnswer
} from '../../../test/support/callFixtures'
import { replayCall } from './callReducer'
import { finalizeSession } from './finalizeSession'
import type { SessionMeta } from './finalizeSession'
import { sessionMetrics, speakerTurns } from './sessionMetrics'

const META: SessionMeta = {
  sessionId: 'L0001',
  scenario: 'product_inquiry',
  sentiment: 'positive',
  language: 'en'
}

describe('finalizeSession', () => {
  it('writes the lab row of a normal call', () => {
    const row = finalizeSession(replayCall(NORMAL_CALL), META)
    expect(row).toMatchObject({
      session_id: 'L0001',
      scenario: 'product_inquiry',
      duration_sec: 20,
      latency_p50_ms: 430,
      latency_p95_ms: 511,
      interruptions: 0,
      turns: 7,
      sentiment: 'positive',
      model: 'gpt-realtime',
      rag_used: false,
      language: 'en',
      at_ear_p50_ms: 490,
      at_ear_p95_ms: 562,
      backchannels: 0,
      echo_suspects: 0,
      tool_calls: 0,
      tool_ms_p50: null,
      counted_turns: 3,
      caller_turns: 3,
      heard_pct_mean: 100,
      usage_partial: false
    })
  })

  it('has every lab column and the live columns it owns', () => {
    const row = finalizeSession(replayCall(NORMAL_CALL), META)
    for (const column of LAB_COLUMNS) expect(row).toHaveProperty(column)
    for (const column of LIVE_METRIC_COLUMNS.filter((c) => c !== 'escalated'))
      expect(row).toHaveProperty(column)
  })

  it('counts interruptions without backchannels and echo suspects', () => {
    expect(finalizeSession(replayCall(BARGE_IN_CLEARED), META)).toMatchObject({
      interruptions: 1,
      backchannels: 0,
      turns: 4
    })
    expect(finalizeSession(replayCall(BACKCHANNELS), META)).toMatchObject({
      interruptions: 0,
      backchannels: 3
    })
    expect(finalizeSession(replayCall(ECHO_CALL), META)).toMatchObject({
      interruptions: 0,
      echo_suspects: 1
    })
  })

  it('averages heard % over the answers that played (cut ones at their estimate)', () => {
    const row = finalizeSession(replayCall(BARGE_IN_CLEARED), META)
    expect(row.heard_pct_mean).toBe(Math.round((((3005 / 12000) * 100 + 100) / 2) * 10) / 10)
  })

  it('sets rag_used from a successful catalog tool and reports tool ms', () => {
    const row = finalizeSession(replayCall(TOOL_CALL), META)
    expect(row).toMatchObject({ rag_used: true, tool_calls: 1, tool_ms_p50: 65, tool_ms_total: 65 })
    const notCatalog = replayCall(TOOL_CALL, callMetricsConfig({ catalogTools: ['other'] }))
    expect(finalizeSession(notCatalog, META).rag_used).toBe(false)
  })

  it('sums tokens and estimates cost from the configured prices', () => {
    const state = replayCall(NORMAL_CALL)
    const row = finalizeSession(state, META)
    const t = state.tokens
    expect(row.input_tokens).toBe(t.inputTokens)
    expect(row.output_tokens).toBe(t.outputTokens)
    expect(t.responsesWithUsage).toBe(4)
    const expected =
      (t.inputTextTokens * 4 +
        t.inputAudioTokens * 32 +
        t.outputTextTokens * 16 +
        t.outputAudioTokens * 64) /
      1e6
    expect(row.cost_usd).toBeCloseTo(expected, 6)
    const free = replayCall(NORMAL_CALL, callMetricsConfig({ prices: null }))
    expect(finalizeSession(free, META).cost_usd).toBeNull()
  })

  it('leaves latency null when no turn counts, and uses the given end time', () => {
    const hungUp = replayCall(
      recording(sessionCreated(0, 's'), callerSpeech('item_1', 200, 1500, 'Hello?'))
    )
    expect(finalizeSession(hungUp, { ...META, endedT: 2500, model: 'fallback' })).toMatchObject({
      latency_p50_ms: null,
      latency_p95_ms: null,
      duration_sec: 2.5,
      model: 'gpt-realtime',
      turns: 1
    })
  })
})

describe('speaker turns', () => {
  it('counts floor changes: a preamble and its tool answer are one agent turn', () => {
    expect(speakerTurns(replayCall(TOOL_CALL))).toBe(2)
    const twoAnswers = replayCall(
      recording(
        sessionCreated(0, 's'),
        callerSpeech('item_1', 200, 1500, 'Hi'),
        agentAnswer('r1', { created: 1510, audio: 1900, done: 2000, stopped: 2500 }, 'Hello.'),
        agentAnswer(
          'r2',
          { created: 2600, audio: 2700, done: 2800, stopped: 3500 },
          'How can I help?'
        )
      )
    )
    expect(sessionMetrics(twoAnswers).turns).toBe(2)
  })
})
