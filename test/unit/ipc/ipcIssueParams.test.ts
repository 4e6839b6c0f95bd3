import { describe, expect, it } from 'vitest'
import { createDispatch, type AppHandlers, type Sender } from '../../../src/main/ipc/dispatch'
import type { IpcIssue } from '../../../src/shared/ipc/ipcIssue'

// A refused request's issues carry zod's code and the values its sentence is built from, so the
// UI can say it in Spanish or French (ipcErrorText.test.tsx checks the wording).

const app: Sender = { windowId: 1, url: 'file:///app/index.html', isTopFrame: true }
const dispatch = createDispatch(
  {} as AppHandlers,
  () => true,
  () => {}
)
const list = {
  filter: {},
  sort: { column: 'session_id', direction: 'asc' },
  offset: 0,
  limit: 20
}

async function refused(route: string, payload: unknown): Promise<IpcIssue[]> {
  const result = await dispatch(app, route, payload)
  if (result.ok || result.error.code !== 'invalid_input') throw new Error('not refused')
  return result.error.issues ?? []
}

describe('IPC validation issues', () => {
  it.each([
    [
      'a wrong type',
      { ...list, filter: { ragUsed: 'yes' } },
      {
        path: 'filter.ragUsed',
        message: 'Invalid input: expected boolean, received string',
        code: 'invalid_type',
        params: { expected: 'boolean', received: 'string' }
      }
    ],
    [
      'a missing field',
      { ...list, limit: undefined },
      { path: 'limit', code: 'invalid_type', params: { expected: 'number', received: 'undefined' } }
    ],
    [
      'no payload at all',
      undefined,
      { path: '', code: 'invalid_type', params: { expected: 'object', received: 'undefined' } }
    ],
    [
      'a page too large',
      { ...list, limit: 100_000 },
      {
        path: 'limit',
        message: 'Too big: expected number to be <=500',
        code: 'too_big',
        params: { limit: 500, inclusive: true }
      }
    ],
    [
      'a negative offset',
      { ...list, offset: -1 },
      { path: 'offset', code: 'too_small', params: { limit: 0, inclusive: true } }
    ],
    [
      'extra keys',
      { ...list, path: '/etc/passwd', x: 1 },
      {
        path: '',
        message: 'Unrecognized keys: "path", "x"',
        code: 'unrecognized_keys',
        params: { keys: '"path", "x"', count: 2 }
      }
    ]
  ])('names %s with its code and values', async (_name, payload, expected) => {
    const issues = await refused('sessions.list', payload)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject(expected)
  })

  it('sends no values when zod words the issue with more than they say', async () => {
    const [emptyToken] = await refused('sessions.importFile', { token: '', onConflict: 'fail' })
    const [badChoice] = await refused('sessions.importFile', { token: 't', onConflict: 'maybe' })
    expect(emptyToken).toEqual({
      path: 'token',
      message: 'Too small: expected string to have >=1 characters',
      code: 'too_small' // a string's length: "characters" is English
    })
    expect(badChoice).toMatchObject({ path: 'onConflict', code: 'invalid_value' })
    expect(badChoice?.params).toBeUndefined()
  })
})
