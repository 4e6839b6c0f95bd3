import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import { DEFAULT_ESCALATION_THRESHOLDS } from '../../../src/shared/escalation/thresholds'
import {
  startResponsesStandIn,
  type ResponsesReply,
  type ResponsesRequest,
  type ResponsesStandIn
} from '../../support/responsesStandIn'
import { useTempDir } from '../../support/tempDir'
import { deskDatabaseOf } from '../../support/testServices'
import { batches, consoleWithLabellingModel, data, STARTED_AT } from '../recording/support'
import { overAgentCall } from './scriptedCalls'

const KEY = 'sk-custom-sentiment-0123456789'
// No word of the lexicon in it, yet plainly fed up.
const FED_UP = 'That is the third time you read me the same list.'
// A lexicon word ("terrible") about the weather, not about the call.
const WEATHER = 'The forecast is terrible this weekend, so which tent stays dry?'

/** The scripted model: judges the LAST caller utterance by what the test says it is. */
function scriptedReader(verdicts: Record<string, ResponsesReply>) {
  return (request: ResponsesRequest): ResponsesReply => {
    const last = /LAST caller utterance: (.*)$/m.exec(request.body.input)?.[1] ?? ''
    return verdicts[last] ?? { json: { negative: false, cue: '' } }
  }
}

describe('live negative-sentiment rule read by the labelling model', () => {
  const tmp = useTempDir()
  let services: Services | undefined
  let standIn: ResponsesStandIn | undefined
  afterEach(async () => {
    services?.close()
    await standIn?.close()
  })

  async function liveCall(
    lines: string[],
    verdicts: Record<string, ResponsesReply>,
    withKey: boolean,
    dataDir = tmp.path()
  ) {
    standIn = await startResponsesStandIn(KEY, scriptedReader(verdicts))
    const opened = await consoleWithLabellingModel(dataDir, standIn.baseURL, withKey ? KEY : null)
    services = opened.services
    const { call, emitted, sessionId } = opened
    // One counted interruption (the rule needs one), each line spoken over the agent.
    const inputs = overAgentCall(lines.map((text) => ({ text })))
    for (const batch of batches(inputs.slice(0, -1), 7))
      data(await call('recording.append', { sessionId, events: batch }))
    await services.liveCalls.idle()
    const raised = (emitted as [string, { rule: string; reason: string }][])
      .filter(([name]) => name === 'alerts.raised')
      .map(([, alert]) => alert)
    const reads = deskDatabaseOf(services)
      .connection.prepare(
        "SELECT payload FROM events WHERE session_id = ? AND type = 'sentiment.read'"
      )
      .all(sessionId)
      .map((row) => JSON.parse((row as { payload: string }).payload) as Record<string, unknown>)
    data(await call('recording.append', { sessionId, events: inputs.slice(-1) }))
    data(await call('recording.finish', { sessionId, endedAt: STARTED_AT + 60_000 }))
    type Cells = Record<'tp' | 'fp', { sessionIds: string[] }>
    const backtest = data<{ rules: { rule: string; cells: Cells }[] }>(
      await call('escalation.backtest', {
        thresholds: DEFAULT_ESCALATION_THRESHOLDS,
        filter: { source: ['live'] }
      })
    )
    return { sessionId, raised, reads, backtest, requests: standIn.requests }
  }

  const sentimentAlerts = <A extends { rule: string }>(raised: A[]): A[] =>
    raised.filter((alert) => alert.rule === 'negative_sentiment')

  it("alerts on the model's reading where the lexicon sees nothing, and records the verdicts", async () => {
    const { raised, reads, requests } = await liveCall(
      [FED_UP],
      { [FED_UP]: { json: { negative: true, cue: 'the third time you read me the same list' } } },
      true
    )
    expect(sentimentAlerts(raised)).toHaveLength(1)
    expect(sentimentAlerts(raised)[0]!.reason).toContain('the third time you read me the same list')
    const asked = requests.filter((r) => r.body.text?.format?.name === 'caller_sentiment')
    expect(asked.map((r) => r.body.input)).toEqual([
      'LAST caller utterance: I need a tent.',
      `Earlier caller utterance: I need a tent.\nLAST caller utterance: ${FED_UP}`
    ])
    expect(asked[0]!.body.text?.format).toMatchObject({ type: 'json_schema', strict: true })
    expect(reads).toEqual([
      {
        type: 'sentiment.read',
        item_id: 'item_0',
        negative: false,
        cue: '',
        reader: 'model:labels-mini'
      },
      {
        type: 'sentiment.read',
        item_id: 'item_1',
        negative: true,
        cue: 'the third time you read me the same list',
        reader: 'model:labels-mini'
      }
    ])
  })

  it('the same call without a key: the lexicon reads it, and raises nothing', async () => {
    const { raised, reads, requests } = await liveCall([FED_UP], {}, false)
    expect(sentimentAlerts(raised)).toEqual([])
    expect(reads).toEqual([])
    expect(requests).toEqual([])
  })

  it("the model's 'not negative' overrules a lexicon word; without a key the lexicon alerts", async () => {
    const withModel = await liveCall([WEATHER], {}, true)
    expect(sentimentAlerts(withModel.raised)).toEqual([])
    services?.close()
    services = undefined
    await standIn?.close()
    standIn = undefined
    // A desk of its own: the first one's key is bound to the first stand-in's origin.
    const lexicon = await liveCall([WEATHER], {}, false, join(tmp.path(), 'no-key'))
    expect(sentimentAlerts(lexicon.raised)).toHaveLength(1)
  })

  it('a model that fails leaves the verdict to the lexicon, recorded as such', async () => {
    const { raised, reads } = await liveCall([WEATHER], { [WEATHER]: { status: 500 } }, true)
    expect(reads.at(-1)).toMatchObject({ item_id: 'item_1', negative: true, reader: 'lexicon' })
    expect(sentimentAlerts(raised)).toHaveLength(1)
  })

  it('backtests judge a model-read call on its recorded verdicts, as it ran live', async () => {
    const { sessionId, backtest } = await liveCall(
      [FED_UP],
      { [FED_UP]: { json: { negative: true, cue: 'the third time' } } },
      true
    )
    const rule = backtest.rules.find((r) => r.rule === 'negative_sentiment')!
    // Flagged: the session is negative (tp) or not (fp); either way the rule fired on it.
    const flagged = [...rule.cells.tp.sessionIds, ...rule.cells.fp.sessionIds]
    expect(flagged).toContain(sessionId)
  })
})
