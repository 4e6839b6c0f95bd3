import { describe, expect, it, vi } from 'vitest'
import { createDispatch, type AppHandlers, type Sender } from '../../../src/main/ipc/dispatch'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { routes } from '../../../src/shared/ipc/contract'
import { cancelledDialogs, createTestServices } from '../../support/testServices'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { syntheticSessionLines } from '../../../tools/generate/syntheticSessions'
import { RESOURCES_DIR, useTempDir } from '../../support/tempDir'

const APP_URL = 'app://console/index.html'
const app: Sender = { windowId: 1, url: APP_URL, isTopFrame: true }
const trusted = isTrustedSender(createAppUrlCheck())
const quiet = (): void => {}

async function realHandlers(dir: string, openPath: string | null = null): Promise<AppHandlers> {
  return (await createTestServices(dir, { dialogs: cancelledDialogs(openPath) })).handlers
}

const listInput = {
  filter: {},
  sort: { column: 'session_id', direction: 'asc' },
  offset: 0,
  limit: 20
}

describe('the IPC chokepoint', () => {
  const tmp = useTempDir()

  it('serves a valid request from the app page with real handlers', async () => {
    const dispatch = createDispatch(await realHandlers(tmp.path()), trusted, quiet)
    const result = await dispatch(app, 'sessions.list', listInput)
    expect(result.ok).toBe(true)
    if (result.ok) expect((result.data as { total: number }).total).toBe(15)
  })

  it.each([
    ['another page', { ...app, url: 'https://evil.example/index.html' }],
    ['another file', { ...app, url: 'file:///tmp/evil.html' }],
    ['the app page from file://', { ...app, url: 'file:///opt/console/out/renderer/index.html' }],
    ['the Demo agent peer page', { ...app, url: 'app://console/demo-peer.html' }],
    ['another app:// host', { ...app, url: 'app://evil/index.html' }],
    ['an iframe of the app', { ...app, isTopFrame: false }],
    ['an unparsable url', { ...app, url: 'not a url' }]
  ])('refuses a request from %s before looking at it', async (_name, sender) => {
    const handler = vi.fn()
    const dispatch = createDispatch(
      { 'sessions.list': handler } as unknown as AppHandlers,
      trusted,
      quiet
    )
    const result = await dispatch(sender, 'sessions.list', listInput)
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Request refused: unknown sender' }
    })
    expect(handler).not.toHaveBeenCalled()
  })

  it.each([
    ['a number', 42],
    ['null', null],
    ['an object without a prototype', Object.create(null)],
    [
      'an object whose toString throws',
      {
        toString: () => {
          throw new Error('boom')
        }
      }
    ],
    ['a symbol', Symbol('sessions.list')]
  ])('refuses %s as a route name with a clear error, without reading it', async (_n, name) => {
    const dispatch = createDispatch({} as AppHandlers, trusted, quiet)
    expect(await dispatch(app, name, {})).toEqual({
      ok: false,
      error: { code: 'unknown_route', message: 'The route name must be a string' }
    })
  })

  it('echoes at most 80 characters of an unknown route name', async () => {
    const dispatch = createDispatch({} as AppHandlers, trusted, quiet)
    const result = await dispatch(app, `x${'y'.repeat(10_000)}`, {})
    expect(result.ok ? '' : result.error.message).toBe(`Unknown route: x${'y'.repeat(79)}`)
  })

  it('refuses unknown routes, including prototype keys', async () => {
    const dispatch = createDispatch(await realHandlers(tmp.path()), trusted, quiet)
    for (const name of ['sessions.drop', '__proto__', 'constructor', 42]) {
      const result = await dispatch(app, name, {})
      expect(result.ok ? 'ok' : result.error.code).toBe('unknown_route')
    }
  })

  it.each([
    ['a missing field', { ...listInput, limit: undefined }],
    ['a page too large', { ...listInput, limit: 100_000 }],
    [
      'an unknown sort column (SQL injection attempt)',
      { ...listInput, sort: { column: 'session_id; DROP TABLE sessions', direction: 'asc' } }
    ],
    ['an extra key', { ...listInput, path: '/etc/passwd' }],
    ['a wrong type', { ...listInput, filter: { ragUsed: 'yes' } }],
    ['no payload at all', undefined]
  ])('refuses %s with the zod issues', async (_name, payload) => {
    const dispatch = createDispatch(await realHandlers(tmp.path()), trusted, quiet)
    const result = await dispatch(app, 'sessions.list', payload)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input')
      expect(result.error.issues?.length).toBeGreaterThan(0)
    }
  })

  it.each([
    ['no session', { followId: 'f1' }],
    ['an empty session id', { followId: 'f1', sessionId: '' }],
    ['an extra key', { followId: 'f1', sessionId: 'LIVE-1', fromSeq: 0 }],
    ['no payload at all', undefined]
  ])('refuses following a call with %s, before any handler runs', async (_name, payload) => {
    const dispatch = createDispatch(await realHandlers(tmp.path()), trusted, quiet)
    const result = await dispatch(app, 'team.followCall', payload)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid_input')
  })

  it('cuts the lab report lists for screens but keeps their full sizes', async () => {
    const dispatch = createDispatch(await realHandlers(tmp.path()), trusted, quiet)
    const result = await dispatch(app, 'analytics.labReport', { filter: {}, maxListed: 1 })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const page = result.data as {
      latency: { slow_sessions: { session_id: string }[] }
      listed_totals: Record<string, number>
    }
    expect(page.latency.slow_sessions.map((s) => s.session_id)).toEqual(['S06'])
    expect(page.listed_totals).toEqual({
      slow_sessions: 4,
      negative_sessions: 4,
      sessions_without_rag: 3,
      high_interruption_sessions: 3
    })
    const tooMany = await dispatch(app, 'analytics.labReport', { filter: {}, maxListed: 10_000 })
    expect(tooMany.ok ? 'ok' : tooMany.error.code).toBe('invalid_input')
  })

  it('answers table pages while a large lab report is still being computed', async () => {
    const csv = join(tmp.path(), 'many.csv')
    writeFileSync(csv, [...syntheticSessionLines(12_000)].join('\n') + '\n')
    const dispatch = createDispatch(await realHandlers(tmp.path(), csv), trusted, quiet)
    const picked = await dispatch(app, 'sessions.pickImportFile', {})
    if (!picked.ok || !picked.data) throw new Error('no file picked')
    const { token } = picked.data as { token: string }
    expect(await dispatch(app, 'sessions.importFile', { token, onConflict: 'fail' })).toMatchObject(
      {
        ok: true,
        data: { status: 'imported', inserted: 12_000 }
      }
    )
    const done: string[] = []
    const report = dispatch(app, 'analytics.labReport', { filter: {}, maxListed: 0 }).then((r) => {
      done.push('report')
      return r
    })
    const page = dispatch(app, 'sessions.list', listInput).then(() => done.push('page'))
    await Promise.all([report, page])
    expect(done).toEqual(['page', 'report'])
    const result = await report
    expect(result.ok && (result.data as { total_sessions: number }).total_sessions).toBe(12_015)
  })

  it('runs catalog search and tools, and refuses bad catalog payloads', async () => {
    const dispatch = createDispatch(await realHandlers(tmp.path()), trusted, quiet)
    const found = await dispatch(app, 'catalog.search', { query: 'botas impermeables', k: 3 })
    expect(found.ok && (found.data as { products: { sku: string }[] }).products[0]?.sku).toMatch(
      /^TB-X200/
    )
    const tool = await dispatch(app, 'catalog.runTool', {
      name: 'lookup_order',
      arguments: '{"order_id":"ORD-2024-0001"}'
    })
    expect(tool).toMatchObject({ ok: true, data: { ok: true, citations: ['ORD-2024-0001'] } })
    const modelMistake = await dispatch(app, 'catalog.runTool', {
      name: 'get_product',
      arguments: '{'
    })
    expect(modelMistake).toMatchObject({
      ok: true,
      data: { ok: false, error: { code: 'invalid_arguments' } }
    })
    for (const [route, payload] of [
      ['catalog.search', { query: '', k: 3 }],
      ['catalog.search', { query: 'tent', k: 1000 }],
      ['catalog.runTool', { name: 'get_product', arguments: 42 }],
      ['catalog.products', { all: true }],
      ['catalog.status', { verbose: true }],
      ['catalog.reindex', {}],
      ['catalog.reindex', { full: 'yes' }],
      ['catalog.pickImportFile', { kind: 'prices' }],
      ['catalog.import', { token: '' }],
      ['catalog.import', { token: 'x', kind: 'products' }]
    ] as const) {
      const result = await dispatch(app, route, payload)
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input')
    }
  })

  it('imports a catalog file picked in main, reports status, and explains a disabled re-index', async () => {
    const products = readFileSync(join(RESOURCES_DIR, 'products.csv'), 'utf8')
    const file = tmp.write(
      'more-products.csv',
      products.replace('TrailBlazer X200,', 'TrailBlazer X300,')
    )
    const dispatch = createDispatch(await realHandlers(tmp.path(), file), trusted, quiet)
    const picked = await dispatch(app, 'catalog.pickImportFile', { kind: 'products' })
    expect(picked).toMatchObject({ ok: true, data: { fileName: 'more-products.csv' } })
    const token = picked.ok ? (picked.data as { token: string }).token : ''
    expect(await dispatch(app, 'catalog.import', { token })).toMatchObject({
      ok: true,
      data: { status: 'imported', kind: 'products', count: 25 }
    })
    // A token is good for one import.
    expect(await dispatch(app, 'catalog.import', { token })).toMatchObject({ ok: false })
    expect(await dispatch(app, 'catalog.status', {})).toMatchObject({
      ok: true,
      data: { sources: { products: { origin: 'imported' } }, index: { state: 'off' } }
    })
    const tool = await dispatch(app, 'catalog.runTool', {
      name: 'get_product',
      arguments: { id_or_sku: 'P001' }
    })
    expect(tool).toMatchObject({
      ok: true,
      data: { ok: true, result: { name: 'TrailBlazer X300' } }
    })
    expect(await dispatch(app, 'catalog.reindex', { full: false })).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/no embedding provider/) }
    })
  })

  it('refuses an import token that was never handed out', async () => {
    const dispatch = createDispatch(await realHandlers(tmp.path()), trusted, quiet)
    const result = await dispatch(app, 'sessions.importFile', { token: 'x', onConflict: 'fail' })
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } })
  })

  it('turns a throwing handler into a failure and checks what handlers return', async () => {
    const broken = {
      'app.info': async () => {
        throw new Error('disk on fire')
      },
      'sessions.facets': async () => ({ scenario: 'not a list' })
    } as unknown as AppHandlers
    const dispatch = createDispatch(broken, trusted, quiet)
    expect(await dispatch(app, 'app.info', {})).toEqual({
      ok: false,
      error: { code: 'failed', message: 'disk on fire' }
    })
    expect(await dispatch(app, 'sessions.facets', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_output' }
    })
  })

  it('has a handler for every route', async () => {
    const handlers = await realHandlers(tmp.path())
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(routes).sort())
  })
})

describe('createAppUrlCheck', () => {
  it('accepts the dev server only when one is configured', () => {
    const dev = createAppUrlCheck('http://localhost:5173')
    expect(dev('http://localhost:5173/#/sessions')).toBe(true)
    expect(dev('http://localhost:5174/')).toBe(false)
    expect(createAppUrlCheck()('http://localhost:5173/')).toBe(false)
    expect(createAppUrlCheck()(`${APP_URL}#/reports`)).toBe(true)
    expect(createAppUrlCheck()('app://console/index.html?x=1')).toBe(true)
    expect(createAppUrlCheck()('app://console/../index.html')).toBe(true) // resolved by the parser
    expect(createAppUrlCheck()('app://console:1/index.html')).toBe(false)
    expect(createAppUrlCheck()('app://console/')).toBe(false)
  })

  it('refuses a dev server that is not http(s): its opaque origin would trust every file: page', () => {
    expect(() => createAppUrlCheck('file:///opt/console/out/renderer/index.html')).toThrow(/http/)
    const dev = createAppUrlCheck('http://localhost:5173')
    expect(dev('file:///tmp/evil.html')).toBe(false)
    expect(dev('data:text/html,hi')).toBe(false)
  })
})
