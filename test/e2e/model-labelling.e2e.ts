import { describe, expect, it } from 'vitest'
import { AppSettingsSchema } from '../../src/shared/settings/settingsSchema'
import type { GroundTruthEntry } from '../../src/main/realtime-sim/groundTruth/GroundTruthLog'
import { browserAvailable } from './support/browser'
import { useCallerBrowser } from './support/callerBrowser'
import { openApp } from './support/harnessFixture'
import { deskDatabaseOf } from '../support/testServices'
import {
  SIM_KEY,
  WAIT,
  allText,
  hangUp,
  openRecordedSession,
  placeCall,
  pointAt,
  recordedSessionId,
  withSimulator
} from './support/liveCallPage'
import { voiceToolsAvailable } from './support/voiceRig'

// The labelling model end to end, through the simulator's POST /v1/responses: an espeak-ng
// caller in Chromium, the browser harness with main's real services pointed at the simulator
// (custom provider), the scenario's scripted Structured Outputs answers. The caller's words
// hold no lexicon cue, so the live alert and the labels can only have come from the model.

const canRun = browserAvailable() && voiceToolsAvailable()
const LONG = 180_000
const FED_UP = 'That is the third time you read me the same list.'

describe.runIf(canRun)(
  'Model labelling through the simulator (Chromium + espeak-ng caller)',
  () => {
    const callers = useCallerBrowser('model-labelling-')

    it(
      "reads the caller's sentiment live and labels the call with the scripted model answers",
      async () => {
        const wav = callers.wav(
          'model-labelling',
          'en',
          [{ pauseMs: 10_000, text: FED_UP }],
          12_000
        )
        const browser = await callers.launch(wav.path)
        await withSimulator('tools/realtime-sim/scenarios/labelled-by-model.yaml', async (sim) => {
          const app = await openApp(browser)
          try {
            const { page, harness } = app
            await pointAt(page, sim, SIM_KEY)
            // One negative utterance is enough, interruptions or not: the model's reading alone
            // must raise the rule (the defaults also want an interruption).
            const handlers = harness.services.handlers
            const settings = AppSettingsSchema.parse(
              (await handlers['settings.get']({}, { windowId: 1 })).settings
            )
            const { escalation } = settings
            await handlers['settings.save'](
              {
                ...settings,
                escalation: {
                  ...escalation,
                  sentiment: { ...escalation.sentiment, minNegative: 1, minInterruptions: 0 }
                }
              },
              { windowId: 1 }
            )

            await placeCall(page)
            await expect.poll(() => allText(page, 'transcript-caller'), WAIT).toContain(FED_UP)
            // The live read: main asked /v1/responses (caller_sentiment) and the scripted verdict
            // raised the rule, its cue the script's words.
            const banner = page.getByTestId('live-alert')
            await expect
              .poll(() => banner.textContent(), WAIT)
              .toContain('Negative caller (the third time you read me the same list)')
            await app.screenshot('model-labelling-live-alert')
            await expect
              .poll(() => allText(page, 'transcript-agent'), WAIT)
              .toContain('Let me start over')
            await hangUp(page)
            const sessionId = await recordedSessionId(page)

            const { detail, labelledBy } = await openRecordedSession(page, sessionId)
            await app.screenshot('model-labelling-session')
            expect(labelledBy).toBe('Sentiment and scenario labelled by gpt-4o-mini')
            expect(detail['Sentiment']).toBe('negative')
            expect(detail['Scenario']).toBe('Complaint')

            // Stored as the model's: the call row and the recorded live verdict.
            const db = deskDatabaseOf(harness.services)
            expect(await db.calls.get(sessionId)).toMatchObject({
              labelled_by: 'model:gpt-4o-mini',
              sentiment_reader: 'model:gpt-4o-mini'
            })
            const reads = db.connection
              .prepare(
                "SELECT payload FROM events WHERE session_id = ? AND type = 'sentiment.read'"
              )
              .all(sessionId)
              .map((row) => JSON.parse((row as { payload: string }).payload) as unknown)
            // The fed-up line's verdict (a VAD split of it would add a read, not change this one).
            expect(reads[0]).toMatchObject({
              negative: true,
              cue: 'the third time you read me the same list',
              reader: 'model:gpt-4o-mini'
            })
            // And the simulator saw both questions and answered each from its script.
            const asked = sim.groundTruth
              .list()
              .filter(
                (e): e is Extract<GroundTruthEntry, { kind: 'responses' }> => e.kind === 'responses'
              )
            expect(new Set(asked.map((e) => e.outcome))).toEqual(new Set(['completed']))
            expect([asked[0]!.format, asked[0]!.script]).toEqual(['caller_sentiment', 0])
            const labels = asked.filter((e) => e.format === 'call_labels')
            expect(labels.map((e) => e.script)).toEqual([2])
            expect(labels[0]!.input).toContain(`Caller: ${FED_UP}`)
          } finally {
            await app.close()
          }
        })
      },
      LONG
    )
  }
)
