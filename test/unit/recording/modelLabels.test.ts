import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import { NORMAL_CALL } from '../../support/callFixtures'
import {
  startResponsesStandIn,
  type ResponsesReply,
  type ResponsesStandIn
} from '../../support/responsesStandIn'
import { useTempDir } from '../../support/tempDir'
import { consoleWithLabellingModel, data, STARTED_AT } from './support'

const KEY = 'sk-custom-labels-0123456789'
describe('a hung-up call labelled by the model behind the provider', () => {
  const tmp = useTempDir()
  let services: Services | undefined
  let standIn: ResponsesStandIn | undefined
  afterEach(async () => {
    services?.close()
    await standIn?.close()
  })

  async function recordCall(labels: ResponsesReply, withKey = true) {
    // During the call the same model reads each caller utterance for the live rules.
    standIn = await startResponsesStandIn(KEY, (request) =>
      request.body.text?.format?.name === 'call_labels'
        ? labels
        : { json: { negative: false, cue: '' } }
    )
    const opened = await consoleWithLabellingModel(
      tmp.path(),
      standIn.baseURL,
      withKey ? KEY : null
    )
    services = opened.services
    const { call, sessionId } = opened
    data(await call('recording.append', { sessionId, events: NORMAL_CALL }))
    const row = data<{ sentiment: string; scenario: string }>(
      await call('recording.finish', { sessionId, endedAt: STARTED_AT + 20_400 })
    )
    const detail = data<{ labels: unknown }>(await call('recording.get', { sessionId }))
    const requests = standIn.requests.filter((r) => r.body.text?.format?.name === 'call_labels')
    return { row, labels: detail.labels, requests, all: standIn.requests }
  }

  it("stores the model's sentiment and scenario, and who labelled them", async () => {
    // The offline lexicons read this call as a neutral product inquiry: the model's differ.
    const { row, labels, requests } = await recordCall({
      json: { sentiment: 'negative', scenario: 'complaint' }
    })
    expect(row).toMatchObject({ sentiment: 'negative', scenario: 'complaint' })
    expect(labels).toEqual({ by: 'model', model: 'labels-mini', reason: null, error: null })
    expect(requests).toHaveLength(1)
    expect(requests[0]!.body.input).toContain('Caller: Do you have waterproof hiking boots?')
    expect(requests[0]!.body.input).toMatch(/Agent: .*TrailBlazer X200/)
  })

  it('keeps the offline labels, and says why, when the model fails', async () => {
    const { row, labels } = await recordCall({ status: 500 })
    expect(row).toMatchObject({ sentiment: 'positive', scenario: 'product_inquiry' })
    expect(labels).toMatchObject({ by: 'lexicon', model: null, reason: 'model_failed' })
    expect((labels as { error: string }).error).toMatch(/^labels-mini: .*500/)
  })

  it('labels offline without a key, sending nothing', async () => {
    const { row, labels, all } = await recordCall(
      { json: { sentiment: 'negative', scenario: 'complaint' } },
      false
    )
    expect(row).toMatchObject({ sentiment: 'positive', scenario: 'product_inquiry' })
    expect(labels).toEqual({
      by: 'lexicon',
      model: null,
      reason: 'no_key',
      error: null
    })
    expect(all).toHaveLength(0)
  })
})
