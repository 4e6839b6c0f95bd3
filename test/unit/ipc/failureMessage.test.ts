import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it, vi } from 'vitest'
import { createDispatch, type AppHandlers, type Sender } from '../../../src/main/ipc/dispatch'
import { FIXED_FAILURES, failureMessage, withoutPaths } from '../../../src/main/ipc/failureMessage'
import { useTempDir } from '../../support/tempDir'

const thrown = (run: () => unknown): unknown => {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('did not throw')
}

describe('failureMessage', () => {
  const tmp = useTempDir()

  it('turns a real file-system error into a fixed sentence without its path', () => {
    const missing = join(tmp.path(), 'secret-folder', 'calls.csv')
    const error = thrown(() => readFileSync(missing))
    expect(String(error)).toContain(missing)
    expect(failureMessage(error)).toBe(FIXED_FAILURES.fileSystem)
  })

  it('turns a real SQLite error into a fixed sentence without its SQL', () => {
    const db = new DatabaseSync(join(tmp.path(), 'sessions.sqlite'))
    try {
      const error = thrown(() => db.exec('SELECT transcript FROM no_such_table'))
      expect(String(error)).toContain('no_such_table')
      expect(failureMessage(error)).toBe(FIXED_FAILURES.database)
    } finally {
      db.close()
    }
  })

  it.each([
    ['a full disk', Object.assign(new Error('ENOSPC: no space left, write'), { code: 'ENOSPC' })],
    ['a refused file', Object.assign(new Error("EACCES: open '/x/y'"), { code: 'EACCES' })]
  ])('names %s without its text', (_name, error) => {
    expect(failureMessage(error)).toBe(
      error.message.startsWith('ENOSPC') ? FIXED_FAILURES.diskFull : FIXED_FAILURES.fileAccess
    )
  })

  it('hides programming errors, thrown non-errors and system text that lost its code', () => {
    const bug = thrown(() => (undefined as unknown as { x: number }).x)
    expect(failureMessage(bug)).toBe(FIXED_FAILURES.internal)
    expect(failureMessage('/home/ana/.config/x')).toBe(FIXED_FAILURES.internal)
    expect(failureMessage(new Error("ENOENT: no such file or directory, open '/a/b.csv'"))).toBe(
      FIXED_FAILURES.fileSystem
    )
  })

  it("keeps messages main wrote for the user, with absolute paths cut to the file's name", () => {
    expect(failureMessage(new Error('That file is no longer selected: choose it again'))).toBe(
      'That file is no longer selected: choose it again'
    )
    expect(failureMessage(new Error('Alert 12 is already dismissed'))).toBe(
      'Alert 12 is already dismissed'
    )
    expect(
      failureMessage(new Error('Cannot import /home/ana/Downloads/calls.csv: bad header'))
    ).toBe('Cannot import calls.csv: bad header')
  })

  it("keeps an API's own error, whose code is not a Node one", () => {
    const apiError = Object.assign(new Error('401 Incorrect API key provided: sk-…abcd.'), {
      code: 'invalid_api_key',
      status: 401
    })
    expect(failureMessage(apiError)).toBe('401 Incorrect API key provided: sk-…abcd.')
    const nodeInternal = Object.assign(new Error('The "path" argument must be of type string'), {
      code: 'ERR_INVALID_ARG_TYPE'
    })
    expect(failureMessage(nodeInternal)).toBe(FIXED_FAILURES.internal)
  })

  it('cuts Windows, UNC and file: paths too, and leaves web addresses and fractions alone', () => {
    expect(withoutPaths("open 'C:\\Users\\ana\\AppData\\x.db' failed")).toBe("open 'x.db' failed")
    expect(withoutPaths('share \\\\server\\calls\\a.csv')).toBe('share a.csv')
    expect(withoutPaths('page file:///opt/app/out/renderer/index.html')).toBe('page index.html')
    expect(withoutPaths('Could not reach https://api.openai.com/v1/realtime (50/50)')).toBe(
      'Could not reach https://api.openai.com/v1/realtime (50/50)'
    )
  })
})

describe('the chokepoint with a failing handler', () => {
  const tmp = useTempDir()
  const app: Sender = { windowId: 1, url: 'app://console/index.html', isTopFrame: true }

  it('logs the raw error in main and sends the renderer the fixed sentence', async () => {
    const missing = join(tmp.path(), 'sessions.sqlite-wal')
    const log = vi.fn()
    const handlers = { 'app.info': async () => readFileSync(missing) } as unknown as AppHandlers
    const result = await createDispatch(handlers, () => true, log)(app, 'app.info', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'failed', message: FIXED_FAILURES.fileSystem }
    })
    expect(JSON.stringify(result)).not.toContain(tmp.path())
    expect(log).toHaveBeenCalledWith(
      'Handler app.info failed',
      expect.objectContaining({ path: missing })
    )
  })
})
