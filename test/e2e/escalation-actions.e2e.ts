import { describe, expect, it } from 'vitest'
import { parseScenario } from '../../src/main/realtime-sim/scenario/loadScenario'
import { browserAvailable } from './support/browser'
import { useCallerBrowser } from './support/callerBrowser'
import { openApp } from './support/harnessFixture'
import { deskDatabaseOf } from '../support/testServices'
import {
  SIM_KEY,
  WAIT,
  allText,
  openRecordedSession,
  pointAt,
  recordedSessionId,
  text,
  waitForPhase,
  withSimulator
} from './support/liveCallPage'
import { voiceToolsAvailable } from './support/voiceRig'

// The supervisor's actions on a live alert, end to end: an espeak-ng caller asks about an
// order (a lookup_order call main answers) then for a human; the banner's Instruct (hand over)
// reaches the simulator as a GA system message; Escalate writes the handoff note, shown and
// copied to the clipboard; End call hangs up, and the recorded session is escalated.

const canRun = browserAvailable() && voiceToolsAvailable()
const LONG = 180_000

/** The agent's answer to a response.create with no caller turn pending: the instruction's. */
const HANDOVER_REPLY = 'I am handing you over to a colleague now. Thank you for your patience.'

const SCENARIO = parseScenario(
  `
name: Order question, then a human
language: en
generation_speed: 1.25
transcription_delay_ms: 250
greeting:
  delay_ms: 300
  say: Thanks for calling OutdoorGear. How can I help?
default_reply:
  delay_ms: 300
  say: ${HANDOVER_REPLY}
turns:
  - caller: Where is my order ORD-2024-0001?
    agent:
      delay_ms: 300
      say: Let me look.
      tool_call:
        name: lookup_order
        arguments: { order_id: ORD-2024-0001 }
        then:
          delay_ms: 200
          say: It is on its way.
          fallback: I could not find it.
  - caller: I want to speak to a human.
    agent:
      delay_ms: 400
      say: Of course.
`,
  'escalation-actions.yaml'
)

describe.runIf(canRun)('Alert actions on a live call (Chromium + simulator + espeak-ng)', () => {
  const callers = useCallerBrowser('escalation-actions-')

  it(
    'instructs the agent to hand over, escalates with a handoff note, ends the call',
    async () => {
      // Pauses long enough for the greeting and the order answer to play out, so the caller
      // takes turns rather than barging in.
      const wav = callers.wav(
        'escalation-actions',
        'en',
        [
          { pauseMs: 9000, text: 'Where is my order?' },
          { pauseMs: 9000, text: 'I want to speak to a human.' }
        ],
        40_000
      )
      const browser = await callers.launch(wav.path)
      await withSimulator(SCENARIO, async (sim) => {
        const app = await openApp(browser)
        try {
          const { page } = app
          await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
            origin: new URL(app.harness.url).origin
          })
          await pointAt(page, sim, SIM_KEY)
          await page.getByRole('button', { name: 'Live call' }).click()
          await page.getByRole('button', { name: 'Call', exact: true }).click()
          await waitForPhase(page, 'in_call')

          const banner = page.getByTestId('live-alert')
          await expect.poll(() => banner.textContent(), WAIT).toContain('Caller asks for a human')
          for (const name of ['Instruct…', 'Stop agent speaking', 'End call', 'Escalate'])
            expect(await banner.getByRole('button', { name }).count(), name).toBe(1)
          await app.screenshot('escalation-actions-banner')

          // Instruct → hand over: a system message, then a response, on the data channel.
          await banner.getByRole('button', { name: 'Instruct…' }).click()
          await page.getByRole('button', { name: 'Hand over to a human' }).click()
          const [callId] = sim.hub.callIds
          const received = async () =>
            sim.groundTruth
              .list(callId)
              .flatMap((e) => (e.kind === 'event' && e.direction === 'received' ? [e.event] : []))
          await expect
            .poll(async () => JSON.stringify(await received()), WAIT)
            .toContain('"role":"system"')
          const events = await received()
          const index = events.findIndex(
            (e) => (e as { item?: { role?: string } }).item?.role === 'system'
          )
          expect(events[index]).toMatchObject({
            type: 'conversation.item.create',
            item: {
              type: 'message',
              role: 'system',
              content: [{ type: 'input_text', text: expect.stringContaining('handing them over') }]
            }
          })
          expect(events.slice(index + 1).map((e) => (e as { type: string }).type)).toContain(
            'response.create'
          )
          // The agent acted on it now: the simulator's answer to that response is on screen.
          await expect.poll(() => allText(page, 'transcript-agent'), WAIT).toContain(HANDOVER_REPLY)

          // Main writes the note from what it has recorded: let the answer's last events land
          // (the page sends them in batches) before escalating.
          const recorded = deskDatabaseOf(app.harness.services).connection.prepare(
            `SELECT count(*) AS n FROM events
             WHERE type = 'response.output_audio_transcript.done' AND payload LIKE ?`
          )
          await expect
            .poll(() => (recorded.get('%handing you over%') as { n: number }).n, WAIT)
            .toBe(1)

          // Escalate: the handoff note, shown and in the clipboard.
          await banner.getByRole('button', { name: 'Escalate' }).click()
          const dialog = page.getByRole('dialog', { name: 'Handoff note' })
          await expect
            .poll(() => dialog.getByTestId('handoff-copy-status').textContent(), WAIT)
            .toBe('Copied to the clipboard.')
          const note = (await dialog.getByTestId('handoff-note').textContent()) ?? ''
          expect(note).toMatch(/^Handoff — call LIVE-[\w-]+\n/)
          expect(note).toContain('Caller language: en')
          // The rule's reason begins with its label: named once ("… (\"human\")"), not twice.
          expect(note).toMatch(/\n {2}- Caller asks for a human \(".+"\)\n/)
          expect(note).not.toContain('Caller asks for a human: Caller asks')
          expect(note).toContain('  “I want to speak to a human.”')
          expect(note).toContain('lookup_order(order_id: ORD-2024-0001)')
          expect(note).toContain(`Agent's last answer: “${HANDOVER_REPLY}”`)
          expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(note)
          await app.screenshot('escalation-handoff-note')
          await dialog.getByRole('button', { name: 'Close' }).click()
          await expect.poll(() => dialog.count(), WAIT).toBe(0)

          // End call from the banner: the normal hang-up, so the call is recorded.
          await banner.getByRole('button', { name: 'End call' }).click()
          await waitForPhase(page, 'ended')
          const sessionId = await recordedSessionId(page)
          expect(note.startsWith(`Handoff — call ${sessionId}\n`)).toBe(true)
          // end_call is logged after the recording: wait for it before reading the row.
          const actions = async () => {
            const log = await app.harness.services.handlers['alerts.actions'](
              { sessionId, limit: 50 },
              { windowId: 1 }
            )
            return log.map((a) => a.action)
          }
          await expect.poll(actions, WAIT).toEqual(['instruct', 'escalate', 'end_call'])
          const { detail } = await openRecordedSession(page, sessionId)
          expect(detail['Escalated']).toBe('Yes')
          expect(await text(page, 'session-detail')).toContain(sessionId)
        } finally {
          await app.close()
        }
      })
    },
    LONG
  )
})
