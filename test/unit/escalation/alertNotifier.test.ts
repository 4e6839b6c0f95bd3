import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  alertNotice,
  createAlertNotifier,
  type AlertNotice
} from '../../../src/main/escalation/alertNotifier'
import { createDispatch } from '../../../src/main/ipc/dispatch'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { createServices } from '../../../src/main/services'
import type { StoredAlert } from '../../../src/shared/escalation/alertRecords'
import type { Events } from '../../../src/shared/ipc/contract'
import { RESOURCES_DIR, useTempDir } from '../../support/tempDir'
import { APP, batches, STARTED_AT } from '../recording/support'
import { startHarness } from '../../../tools/harness/startHarness'
import { overAgentCall } from './scriptedCalls'

const humanRequest: StoredAlert = {
  alertId: 7,
  sessionId: 'LIVE-20261125-143012-ab12',
  rule: 'human_request',
  severity: 'critical',
  raisedAt: '2026-11-25T14:31:00.000Z',
  reason: 'Caller asks for a human ("human")',
  evidence: {
    items: [{ itemId: 'item_3', turnIndex: 2, t: 5200, quote: 'I want to speak to a human.' }],
    figures: {}
  },
  status: 'open',
  actionBy: null,
  actionAt: null,
  actionNote: null,
  seat: null,
  callEnded: false
}

const slowAnswers: StoredAlert = {
  ...humanRequest,
  alertId: 8,
  rule: 'latency',
  severity: 'info',
  reason: 'Callers wait: at-ear P95 640 ms over the last 3 turns',
  evidence: {
    items: [{ itemId: 'item_1', turnIndex: 1, t: 900, quote: null }],
    figures: { p95Ms: 640 }
  }
}

describe('alertNotice', () => {
  it('names the severity and rule in the title, and the reason, quote and session in the body', () => {
    expect(alertNotice(humanRequest)).toEqual({
      title: 'Urgent call alert: Caller asks for a human',
      body: 'Caller asks for a human ("human")\n“I want to speak to a human.”\nSession LIVE-20261125-143012-ab12',
      alertId: 7,
      sessionId: 'LIVE-20261125-143012-ab12',
      severity: 'critical'
    })
  })

  it('leaves the quote out when the evidence has none', () => {
    const notice = alertNotice(slowAnswers)
    expect(notice.title).toBe('Call note: Slow answers (at-ear P95)')
    expect(notice.body).toBe(
      'Callers wait: at-ear P95 640 ms over the last 3 turns\nSession LIVE-20261125-143012-ab12'
    )
  })
})

describe('createAlertNotifier', () => {
  it('shows a notice only while the console is not in front', () => {
    let away = false
    const shown: AlertNotice[] = []
    const notify = createAlertNotifier({
      isAway: () => away,
      show: (notice) => void shown.push(notice)
    })
    expect(notify(humanRequest)).toBe('present')
    expect(shown).toEqual([])
    away = true
    expect(notify(humanRequest)).toBe('shown')
    expect(notify(slowAnswers)).toBe('shown')
    expect(shown.map((n) => n.alertId)).toEqual([7, 8])
  })

  it('reports a failing notification instead of throwing into the recording', () => {
    const errors: unknown[] = []
    const notify = createAlertNotifier({
      isAway: () => true,
      show: () => {
        throw new Error('no notification daemon')
      },
      onError: (error) => void errors.push(error)
    })
    expect(notify(humanRequest)).toBe('failed')
    expect(String(errors[0])).toContain('no notification daemon')
  })
})

describe('services call notifyAlert for each alert they raise', () => {
  const tmp = useTempDir()

  it('passes the stored alert, once, in the order it was announced', async () => {
    const emitted: Events['alerts.raised'][] = []
    const notified: Events['alerts.raised'][] = []
    const services = await createServices({
      dataDir: tmp.path(),
      resourcesDir: RESOURCES_DIR,
      version: '0.0.0-test',
      runtime: 'harness',
      dialogs: {
        pickCsvToOpen: async () => null,
        pickCsvToSave: async () => null,
        pickPdfToSave: async () => null,
        pickCatalogFileToOpen: async () => null
      },
      emit: (name, payload) => {
        if (name === 'alerts.raised') emitted.push(payload as Events['alerts.raised'])
      },
      notifyAlert: (alert) => void notified.push(alert),
      now: () => Date.UTC(2026, 10, 25, 14, 31)
    })
    const dispatch = createDispatch(
      services.handlers,
      isTrustedSender(createAppUrlCheck()),
      () => {}
    )
    try {
      const begun = (await dispatch(APP, 'recording.begin', {
        provider: 'custom',
        model: 'gpt-realtime',
        startedAt: STARTED_AT
      })) as { ok: true; data: { sessionId: string } }
      const inputs = overAgentCall([
        { text: 'No, that is not what I asked.' },
        { text: 'Stop, listen to me.' },
        { text: 'You are not listening at all.' }
      ])
      for (const events of batches(inputs, 7))
        expect(
          await dispatch(APP, 'recording.append', { sessionId: begun.data.sessionId, events })
        ).toMatchObject({ ok: true })
      expect(notified.map((a) => a.rule)).toContain('interruptions_total')
      expect(notified).toEqual(emitted)
      expect(new Set(notified.map((a) => a.alertId)).size).toBe(notified.length)
    } finally {
      services.close()
    }
  })
})

describe('the browser harness records the notifications Electron would show', () => {
  const tmp = useTempDir()

  it('only once a test says the window is away', async () => {
    const rendererDir = join(tmp.path(), 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<html><body></body></html>')
    const harness = await startHarness({
      port: 0,
      dataDir: join(tmp.path(), 'data'),
      rendererDir,
      vectorSearch: false
    })
    const dispatch = createDispatch(
      harness.services.handlers,
      () => true,
      () => {}
    )
    const interruptedCall = async (): Promise<string> => {
      const begun = (await dispatch(APP, 'recording.begin', {
        provider: 'custom',
        model: 'gpt-realtime',
        startedAt: STARTED_AT
      })) as { ok: true; data: { sessionId: string } }
      const events = overAgentCall([{ text: 'No.' }, { text: 'Stop.' }, { text: 'Listen.' }])
      await dispatch(APP, 'recording.append', { sessionId: begun.data.sessionId, events })
      return begun.data.sessionId
    }
    try {
      const inFront = await interruptedCall()
      // The rules fired in that call; the console was in front, so nothing popped up.
      const listed = (await dispatch(APP, 'alerts.list', {})) as {
        ok: true
        data: { sessionId: string }[]
      }
      expect(listed.data.filter((a) => a.sessionId === inFront).length).toBeGreaterThan(0)
      expect(harness.notifications).toEqual([])
      harness.setWindowFocused(false)
      const away = await interruptedCall()
      expect(harness.notifications.length).toBeGreaterThan(0)
      expect(harness.notifications.every((n) => n.sessionId === away)).toBe(true)
      expect(harness.notifications.map((n) => n.title)).toContain(
        'Call alert: Interruptions in the call'
      )
    } finally {
      await harness.close()
    }
  })
})
