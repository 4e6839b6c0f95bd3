import { describe, expect, it } from 'vitest'
import { GPT_REALTIME_PRICES } from './callConfig'
import {
  addResponseUsage,
  addTranscriptionUsage,
  EMPTY_TOKEN_TOTALS,
  estimateCallCostUsd,
  estimateCostUsd,
  estimateLiveCostUsd
} from './usageCost'

const USAGE = {
  total_tokens: 1300,
  input_tokens: 1000,
  output_tokens: 300,
  input_token_details: {
    text_tokens: 200,
    audio_tokens: 800,
    image_tokens: 0,
    cached_tokens: 100,
    cached_tokens_details: { text_tokens: 100, audio_tokens: 0, image_tokens: 0 }
  },
  output_token_details: { text_tokens: 60, audio_tokens: 240 }
}

describe('usage and cost', () => {
  it('prices each token class per million: cached input at the cached rate', () => {
    const totals = addResponseUsage(EMPTY_TOKEN_TOTALS, USAGE)
    // (200-100)·4 + 800·32 + 100·0.4 + 60·16 + 240·64 = 42 360 per million
    expect(estimateCostUsd(totals, GPT_REALTIME_PRICES)).toBeCloseTo(0.04236, 12)
  })

  it('sums responses, counts missing usage as unknown, prices unsplit tokens as audio', () => {
    let totals = addResponseUsage(EMPTY_TOKEN_TOTALS, USAGE)
    totals = addResponseUsage(totals, null)
    totals = addResponseUsage(totals, { input_tokens: 10, output_tokens: 5 })
    expect(totals).toMatchObject({
      inputTokens: 1010,
      outputTokens: 305,
      unsplitInputTokens: 10,
      unsplitOutputTokens: 5,
      responsesWithUsage: 2,
      responsesWithoutUsage: 1
    })
    expect(estimateCostUsd(totals, GPT_REALTIME_PRICES)).toBeCloseTo(
      0.04236 + (10 * 32 + 5 * 64) / 1e6,
      12
    )
  })

  it('has no estimate without prices or without any usage', () => {
    expect(estimateCostUsd(addResponseUsage(EMPTY_TOKEN_TOTALS, USAGE), null)).toBeNull()
    expect(
      estimateCostUsd(addResponseUsage(EMPTY_TOKEN_TOTALS, null), GPT_REALTIME_PRICES)
    ).toBeNull()
  })

  it('keeps transcription usage apart, in tokens or seconds', () => {
    let totals = addTranscriptionUsage(EMPTY_TOKEN_TOTALS, {
      type: 'tokens',
      input_tokens: 12,
      output_tokens: 8
    })
    totals = addTranscriptionUsage(totals, { type: 'duration', seconds: 2.5 })
    expect(totals.transcription).toEqual({ inputTokens: 12, outputTokens: 8, seconds: 2.5 })
    expect(totals.inputTokens).toBe(0)
  })

  it('prices GPT-Live by session time, by the second, whatever tokens were counted', () => {
    const prices = { ...GPT_REALTIME_PRICES, liveSessionPerMinute: 0.05 }
    expect(estimateLiveCostUsd(61, prices)).toBeCloseTo(0.0508333, 6)
    const tokens = addResponseUsage(EMPTY_TOKEN_TOTALS, USAGE)
    expect(estimateCallCostUsd(tokens, 120, prices)).toBeCloseTo(0.1, 12)
    expect(estimateCallCostUsd(tokens, null, prices)).toBeCloseTo(0.04236, 12)
  })

  it('has no GPT-Live estimate without its price (prices recorded before it existed)', () => {
    const older = { ...GPT_REALTIME_PRICES, liveSessionPerMinute: undefined }
    expect(estimateLiveCostUsd(60, older)).toBeNull()
    expect(estimateLiveCostUsd(60, null)).toBeNull()
  })
})
