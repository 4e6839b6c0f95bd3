import { createServer } from 'node:net'
import pg from 'pg'
import { describe, expect, it, vi } from 'vitest'
import {
  isConnectionLost,
  onceMoreIfConnectionLost
} from '../../../../src/main/database/postgres/isConnectionLost'

/** An Error with the fields pg and Node set. */
function failure(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code })
}

describe('isConnectionLost', () => {
  it.each([
    ['connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'],
    ['read ECONNRESET', 'ECONNRESET'],
    ['write EPIPE', 'EPIPE'],
    ['getaddrinfo ENOTFOUND db.example', 'ENOTFOUND'],
    ['terminating connection due to administrator command', '57P01'],
    ['terminating connection because of crash of another server process', '57P02'],
    ['the database system is starting up', '57P03'],
    ['connection failure', '08006'],
    ['connection does not exist', '08003'],
    ['could not connect', '08001']
  ])('a lost connection: %s (%s)', (message, code) => {
    expect(isConnectionLost(failure(message, code))).toBe(true)
  })

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable'
  ])("pg's own words without a code: %s", (message) => {
    expect(isConnectionLost(failure(message))).toBe(true)
  })

  it('looks inside an AggregateError (a host with several addresses) and a cause', () => {
    const aggregate = Object.assign(
      new AggregateError([failure('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''),
      {}
    )
    expect(isConnectionLost(aggregate)).toBe(true)
    expect(isConnectionLost(new Error('wrapped', { cause: failure('x', '57P01') }))).toBe(true)
  })

  it.each([
    ['duplicate key value violates unique constraint', '23505'],
    ['permission denied for table sessions', '42501'],
    ['password authentication failed for user "desk"', '28P01'],
    ['relation "calls" does not exist', '42P01'],
    ['Client was closed and is not queryable', undefined],
    ['The session database is busy', undefined]
  ])('a refused write is not a lost connection: %s', (message, code) => {
    expect(isConnectionLost(failure(message, code))).toBe(false)
  })

  it('is false for what is not an error object', () => {
    expect(isConnectionLost(undefined)).toBe(false)
    expect(isConnectionLost('ECONNREFUSED')).toBe(false)
    expect(isConnectionLost({ code: 42 })).toBe(false)
  })

  it("classifies pg's real error for a port nobody listens on", async () => {
    // A port that was free a moment ago: taken, then released.
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    await new Promise((resolve) => server.close(resolve))
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' })
    const error = await client.connect().then(
      () => null,
      (failed: unknown) => failed
    )
    expect(error).not.toBeNull()
    expect(isConnectionLost(error)).toBe(true)
  })
})

describe('onceMoreIfConnectionLost', () => {
  const lost = (): Error => Object.assign(new Error('gone'), { code: 'ECONNRESET' })

  it('runs the work once more when it met a lost connection, and returns that answer', async () => {
    const work = vi.fn().mockRejectedValueOnce(lost()).mockResolvedValueOnce('read')
    expect(await onceMoreIfConnectionLost(work)).toBe('read')
    expect(work).toHaveBeenCalledTimes(2)
  })

  it('throws any other error at once, and a second loss', async () => {
    const refused = vi.fn().mockRejectedValue(new Error('permission denied for table alerts'))
    await expect(onceMoreIfConnectionLost(refused)).rejects.toThrow('permission denied')
    expect(refused).toHaveBeenCalledTimes(1)
    const twice = vi.fn().mockRejectedValue(lost())
    await expect(onceMoreIfConnectionLost(twice)).rejects.toThrow('gone')
    expect(twice).toHaveBeenCalledTimes(2)
  })
})
