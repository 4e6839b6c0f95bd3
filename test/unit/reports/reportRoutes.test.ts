import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDispatch, type AppHandlers, type Sender } from '../../../src/main/ipc/dispatch'
import { reportHandlers } from '../../../src/main/ipc/handlers/reportHandlers'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { ReportQueries } from '../../../src/main/reports/ReportQueries'
import type { SessionStore } from '../../../src/main/sessions/SessionStore'
import { useTempDir } from '../../support/tempDir'
import { cancelledDialogs } from '../../support/testServices'
import { openReportDb } from './reportFixtures'

const APP_URL = 'app://console/index.html'
const app: Sender = { windowId: 1, url: APP_URL, isTopFrame: true }
const trusted = isTrustedSender(createAppUrlCheck())

describe('reports.summary through the IPC chokepoint', () => {
  const tmp = useTempDir()
  let store: SessionStore | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  const dispatchOver = async () => {
    store = (await openReportDb(tmp.path())).store
    const handlers = reportHandlers({
      reports: new ReportQueries(store.database),
      dialogs: cancelledDialogs()
    }) as unknown as AppHandlers
    return createDispatch(handlers, trusted, () => {})
  }

  it('answers a valid request with figures that pass the output schema', async () => {
    const dispatch = await dispatchOver()
    const result = await dispatch(app, 'reports.summary', {
      filter: { sentiment: ['negative'], ragUsed: true }
    })
    expect(result).toMatchObject({ ok: true, data: { kpis: { sessions: 4, slowSessions: 3 } } })
  })

  it('treats filter values as data, never as SQL', async () => {
    const dispatch = await dispatchOver()
    const result = await dispatch(app, 'reports.summary', {
      filter: { scenario: ["faq') OR 1=1 --"] }
    })
    expect(result).toMatchObject({ ok: true, data: { kpis: { sessions: 0 } } })
    expect(await store!.count()).toBe(15)
  })

  it.each([
    ['no payload', undefined],
    ['no filter', {}],
    ['an extra key', { filter: {}, limit: 10 }],
    ['an extra filter key', { filter: { region: ['eu'] } }],
    ['free-text search (not a report filter)', { filter: { search: 'S01' } }],
    ['a wrong type', { filter: { ragUsed: 'yes' } }],
    ['a single value instead of a list', { filter: { scenario: 'faq' } }],
    ['an unknown source', { filter: { source: ['cloud'] } }],
    ['too many values', { filter: { language: Array.from({ length: 101 }, (_, i) => `l${i}`) } }],
    ['a value too long', { filter: { model: ['m'.repeat(201)] } }],
    ['a date that is not a day', { filter: { startedFrom: '2025-03-01T00:00:00Z' } }],
    ['an impossible date', { filter: { startedTo: '2025-02-30' } }],
    ['a reversed date range', { filter: { startedFrom: '2025-03-02', startedTo: '2025-03-01' } }]
  ])('refuses %s with the zod issues, before any query', async (_name, payload) => {
    const summary = vi.fn()
    const dispatch = createDispatch(
      reportHandlers({
        reports: { summary } as unknown as ReportQueries,
        dialogs: cancelledDialogs()
      }) as unknown as AppHandlers,
      trusted,
      () => {}
    )
    const result = await dispatch(app, 'reports.summary', payload)
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input')
    if (!result.ok) expect(result.error.issues?.length).toBeGreaterThan(0)
    expect(summary).not.toHaveBeenCalled()
  })

  it('saves the printed report where the user chose, and says when main cannot print', async () => {
    store = (await openReportDb(tmp.path())).store
    const reports = new ReportQueries(store.database)
    const target = join(tmp.path(), 'report.pdf')
    // Electron's printToPDF cannot run here: a printer that returns a small real PDF file.
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
    const saving = createDispatch(
      reportHandlers({
        reports,
        dialogs: { ...cancelledDialogs(), pickPdfToSave: async () => target },
        printToPdf: async () => pdf
      }) as unknown as AppHandlers,
      trusted,
      () => {}
    )
    expect(await saving(app, 'reports.savePdf', {})).toEqual({
      ok: true,
      data: { status: 'saved', path: target, bytes: pdf.byteLength }
    })
    expect(readFileSync(target, 'latin1')).toMatch(/^%PDF-1\.4/)
    const cancelled = createDispatch(
      reportHandlers({
        reports,
        dialogs: cancelledDialogs(),
        printToPdf: async () => pdf
      }) as unknown as AppHandlers,
      trusted,
      () => {}
    )
    expect(await cancelled(app, 'reports.savePdf', {})).toEqual({
      ok: true,
      data: { status: 'cancelled' }
    })
    const harness = createDispatch(
      reportHandlers({ reports, dialogs: cancelledDialogs() }) as unknown as AppHandlers,
      trusted,
      () => {}
    )
    expect(await harness(app, 'reports.savePdf', {})).toEqual({
      ok: true,
      data: { status: 'unavailable' }
    })
    expect((await harness(app, 'reports.savePdf', { path: '/etc/passwd' })).ok).toBe(false)
  })

  it('refuses a request from another page', async () => {
    const dispatch = await dispatchOver()
    const result = await dispatch(
      app && { ...app, url: 'https://evil.example/' },
      'reports.summary',
      {
        filter: {}
      }
    )
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden')
  })
})
