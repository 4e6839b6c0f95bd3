import { afterEach, describe, expect, it } from 'vitest'
import { mockApi, ok } from '@renderer/test/mockApi'
import { IpcError, request } from './ipc'

const info = { version: '1.2.3', dataDir: '/data', runtime: 'electron' as const }

describe('request', () => {
  afterEach(() => Reflect.deleteProperty(window, 'api'))

  it('returns the data of a successful result', async () => {
    const api = mockApi({ 'app.info': ok(info) })
    await expect(request('app.info', {})).resolves.toEqual(info)
    expect(api).toHaveBeenCalledWith('app.info', {})
  })

  it('throws a typed IpcError carrying code, message and issues', async () => {
    mockApi({
      'sessions.list': {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'Invalid input',
          issues: [{ path: 'limit', message: 'Too big: expected number to be <=500' }]
        }
      }
    })
    const failure = request('sessions.list', {
      filter: {},
      sort: { column: 'session_id', direction: 'asc' },
      offset: 0,
      limit: 501
    })
    await expect(failure).rejects.toBeInstanceOf(IpcError)
    await expect(failure).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'Invalid input',
      route: 'sessions.list',
      issues: [{ path: 'limit', message: 'Too big: expected number to be <=500' }]
    })
  })

  it('gives failures without issues an empty list', async () => {
    mockApi({ 'app.info': { ok: false, error: { code: 'forbidden', message: 'Not allowed' } } })
    await expect(request('app.info', {})).rejects.toMatchObject({ code: 'forbidden', issues: [] })
  })

  it('turns a broken transport into an IpcError too', async () => {
    const api = mockApi({})
    api.mockRejectedValueOnce(new Error('IPC channel closed'))
    await expect(request('app.info', {})).rejects.toMatchObject({
      name: 'IpcError',
      code: 'failed',
      message: 'IPC channel closed'
    })
  })
})
