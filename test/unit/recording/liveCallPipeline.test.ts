import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { StructuredModel } from '../../../src/main/classify/StructuredModel'
import { AlertStore } from '../../../src/main/escalation/AlertStore'
import { CallRecorder } from '../../../src/main/recording/CallRecorder'
import {
  LiveCallPipeline,
  type LiveCallPipelineDeps
} from '../../../src/main/recording/LiveCallPipeline'
import {
  openSqliteSessionDatabase,
  type SqliteSessionDatabase
} from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import type { StoredAlert } from '../../../src/shared/escalation/alertRecords'
import { DEFAULT_ESCALATION_THRESHOLDS } from '../../../src/shared/escalation/thresholds'
import type { CallInput } from '../../../src/shared/live-call/callEvents'
import { useTempDir } from '../../support/tempDir'
import { overAgentCall } from '../escalation/scriptedCalls'
import { batches, STARTED_AT } from './support'

// Three interruptions (the burst rule fires on the second, the total rule on the third), and
// the third one's words ("not listening") read negative after it.
const THREE_CUTS = overAgentCall([
  { text: 'No, that is not what I asked.' },
  { text: 'Stop, listen to me.' },
  { text: 'You are not listening at all.' }
])

describe('LiveCallPipeline: record, rule, announce', () => {
  const tmp = useTempDir()
  let database: SqliteSessionDatabase | undefined
  afterEach(() => database?.close())

  /** The real recorder and alert store on a fresh database, a call begun, every step logged. */
  async function openPipeline(overrides: Partial<LiveCallPipelineDeps> = {}) {
    database = openSqliteSessionDatabase(join(tmp.path(), 'sessions.sqlite'))
    const db = database.connection
    const recorder = new CallRecorder(database, async () => () => ({
      language: 'en',
      reliable: true
    }))
    const alerts = new AlertStore(database, () => Date.UTC(2026, 10, 25, 14, 31))
    const sessionId = await recorder.begin({
      provider: 'custom',
      model: 'm',
      startedAt: STARTED_AT
    })
    const log: string[] = []
    const announced: StoredAlert[] = []
    const storedEvents = (): number =>
      (
        db.prepare('SELECT COUNT(*) AS n FROM events WHERE session_id = ?').get(sessionId) as {
          n: number
        }
      ).n
    const errors: string[] = []
    const pipeline = new LiveCallPipeline({
      recorder: {
        append: (id, inputs) => {
          log.push(`append ${inputs.length}`)
          return recorder.append(id, inputs)
        }
      },
      alerts,
      thresholds: () => DEFAULT_ESCALATION_THRESHOLDS,
      sentiment: { readerOf: () => 'lexicon', model: () => null },
      emit: (alert) => {
        // By the time it is announced, the alert and the inputs that raised it are stored.
        expect(db.prepare('SELECT rule FROM alerts WHERE alert_id = ?').get(alert.alertId)).toEqual(
          { rule: alert.rule }
        )
        log.push(`emit ${alert.rule} after ${storedEvents()} stored`)
        announced.push(alert)
      },
      notify: (alert) => void log.push(`notify ${alert.rule}`),
      onError: (_error, step) => void errors.push(step),
      ...overrides
    })
    return { pipeline, recorder, alerts, sessionId, log, announced, errors, storedEvents }
  }

  it('stores each batch, then stores and announces the alerts it raised, each once', async () => {
    const { pipeline, alerts, sessionId, log, announced, storedEvents } = await openPipeline()
    let stored = 0
    for (const batch of batches(THREE_CUTS, 7)) stored += await pipeline.ingest(sessionId, batch)
    expect(stored).toBe(THREE_CUTS.length)
    expect(storedEvents()).toBe(THREE_CUTS.length)
    const rules = announced.map((alert) => alert.rule)
    expect(rules).toEqual(['interruptions_burst', 'interruptions_total', 'negative_sentiment'])
    // Announced once each: exactly the alerts stored for the call.
    expect(announced.map((a) => a.alertId).sort()).toEqual(
      (await alerts.list('open', 10))
        .filter((a) => a.sessionId === sessionId)
        .map((a) => a.alertId)
        .sort()
    )
    // Order: a batch is appended, then its alerts go to the windows, then to the OS.
    const total = log.indexOf('notify interruptions_total')
    const appended = log
      .slice(0, total)
      .filter((line) => line.startsWith('append '))
      .reduce((sum, line) => sum + Number(line.slice('append '.length)), 0)
    expect(log.slice(total - 2, total + 1)).toEqual([
      'append 7',
      `emit interruptions_total after ${appended} stored`,
      'notify interruptions_total'
    ])
  })

  it('keeps recording when announcing fails, and reports each failure', async () => {
    const { pipeline, sessionId, alerts, errors, storedEvents } = await openPipeline({
      emit: () => {
        throw new Error('window gone')
      },
      notify: () => {
        throw new Error('no notification daemon')
      }
    })
    for (const batch of batches(THREE_CUTS, 7))
      expect(await pipeline.ingest(sessionId, batch)).toBe(batch.length)
    expect(storedEvents()).toBe(THREE_CUTS.length)
    expect(await alerts.list('open', 10)).toHaveLength(3)
    expect(errors).toEqual(['emit', 'notify', 'emit', 'notify', 'emit', 'notify'])
  })

  it('keeps recording when the rules fail, and reports it', async () => {
    const { pipeline, sessionId, errors, announced, storedEvents } = await openPipeline({
      thresholds: () => {
        throw new Error('settings unreadable')
      }
    })
    expect(await pipeline.ingest(sessionId, THREE_CUTS)).toBe(THREE_CUTS.length)
    expect(storedEvents()).toBe(THREE_CUTS.length)
    expect(announced).toEqual([])
    expect(errors).toEqual(['rules'])
  })

  it('rules on nothing and announces nothing when the inputs cannot be stored', async () => {
    const { pipeline, recorder, sessionId, log, announced } = await openPipeline()
    await recorder.finish(sessionId, STARTED_AT + 1000)
    await expect(pipeline.ingest(sessionId, THREE_CUTS)).rejects.toThrow()
    await expect(pipeline.ingest('LIVE-unknown', THREE_CUTS)).rejects.toThrow()
    expect(announced).toEqual([])
    expect(log.filter((line) => !line.startsWith('append'))).toEqual([])
  })

  it("takes a model's sentiment verdict down the same path: recorded, ruled on, announced", async () => {
    const model: StructuredModel = {
      model: 'labels-mini',
      ask: async <T>() => ({ negative: true, cue: 'the same list' }) as T
    }
    const { pipeline, sessionId, announced, storedEvents } = await openPipeline({
      sentiment: { readerOf: () => 'model', model: () => model }
    })
    const oneCut = overAgentCall([{ text: 'That is the third time you read me the same list.' }])
    await pipeline.ingest(sessionId, oneCut)
    await pipeline.idle()
    // Every caller utterance was read (the opening question and the cut), each verdict recorded.
    expect(storedEvents()).toBe(oneCut.length + 2)
    expect(announced.map((a) => a.rule)).toEqual(['negative_sentiment'])
    expect(announced[0]!.reason).toContain('the same list')
  })

  it('drops a late verdict once the call has ended', async () => {
    const answers: ((value: { negative: boolean; cue: string }) => void)[] = []
    const model: StructuredModel = {
      model: 'labels-mini',
      ask: <T>() => new Promise<T>((resolve) => void answers.push(resolve as (typeof answers)[0]))
    }
    const { pipeline, sessionId, announced, storedEvents } = await openPipeline({
      sentiment: { readerOf: () => 'model', model: () => model }
    })
    const inputs: CallInput[] = overAgentCall([{ text: 'You never listen.' }])
    await pipeline.ingest(sessionId, inputs)
    pipeline.end(sessionId)
    for (const answer of answers) answer({ negative: true, cue: 'never listen' })
    await pipeline.idle()
    expect(storedEvents()).toBe(inputs.length)
    expect(announced).toEqual([])
  })
})
