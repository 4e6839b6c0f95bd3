import { describe, expect, it, vi, type Mock } from 'vitest'
import type { StoredSession } from '@shared/sessions/labSchema'
import { SessionPageCache, type SessionPage, type SessionQuery } from './sessionPageCache'

const QUERY: SessionQuery = {
  filter: {},
  sort: { column: 'session_id', direction: 'asc' },
  revision: 0
}

type FetchMock = Mock<(query: SessionQuery, offset: number, limit: number) => Promise<SessionPage>>

/** A fake sessions.list over `total` rows whose ids are their positions. */
function fakeList(total: number): FetchMock {
  return vi.fn(
    async (_query: SessionQuery, offset: number, limit: number): Promise<SessionPage> => {
      const count = Math.max(0, Math.min(limit, total - offset))
      const rows = Array.from(
        { length: count },
        (_, i) => ({ session_id: `R${offset + i}` }) as StoredSession
      )
      return { rows, total }
    }
  )
}

describe('SessionPageCache', () => {
  it('marks the rows main says counted no turn, and only those', async () => {
    const fetch = vi.fn(async (): Promise<SessionPage> => ({
      rows: [{ session_id: 'LIVE-1' }, { session_id: 'LIVE-2' }] as StoredSession[],
      total: 2,
      noTurnIds: ['LIVE-2']
    }))
    const cache = new SessionPageCache(QUERY, fetch, { pageSize: 10 })
    await cache.ensureRange(0, 1)
    expect(cache.rowAt(0)?.noCountedTurn).toBeUndefined()
    expect(cache.rowAt(1)?.noCountedTurn).toBe(true)
  })

  it('fetches the pages a range touches, with the query it stands for', async () => {
    const fetch = fakeList(1000)
    const cache = new SessionPageCache(QUERY, fetch, { pageSize: 100 })
    expect(cache.total).toBeNull()
    expect(cache.rowAt(0)).toBeUndefined()

    await cache.ensureRange(150, 250)

    expect(fetch.mock.calls).toEqual([
      [QUERY, 100, 100],
      [QUERY, 200, 100]
    ])
    expect(cache.total).toBe(1000)
    expect(cache.rowAt(150)?.session_id).toBe('R150')
    expect(cache.rowAt(299)?.session_id).toBe('R299')
    expect(cache.rowAt(99)).toBeUndefined()
  })

  it('never asks twice for a page that is cached or in flight', async () => {
    const fetch = fakeList(1000)
    const cache = new SessionPageCache(QUERY, fetch, { pageSize: 100 })
    const first = cache.ensureRange(0, 50)
    const second = cache.ensureRange(10, 90) // same page, still loading
    await Promise.all([first, second])
    await cache.ensureRange(0, 99)
    expect(fetch).toHaveBeenCalledOnce()
  })

  it('stops at the last row once the total is known', async () => {
    const fetch = fakeList(120)
    const cache = new SessionPageCache(QUERY, fetch, { pageSize: 100 })
    await cache.ensureRange(0, 10)
    await cache.ensureRange(50, 5000) // e.g. prefetch beyond the end
    expect(fetch.mock.calls.map(([, offset]) => offset)).toEqual([0, 100])
  })

  it('forgets the least recently viewed pages beyond its budget', async () => {
    const fetch = fakeList(10_000)
    const cache = new SessionPageCache(QUERY, fetch, { pageSize: 100, maxPages: 3 })
    await cache.ensureRange(0, 0) // page 0
    await cache.ensureRange(100, 100) // page 1
    await cache.ensureRange(0, 0) // page 0 viewed again
    await cache.ensureRange(200, 200) // page 2
    await cache.ensureRange(300, 300) // page 3: page 1 is the stalest
    expect(cache.rowAt(0)).toBeDefined()
    expect(cache.rowAt(100)).toBeUndefined()
    expect(cache.rowAt(200)).toBeDefined()
    expect(cache.rowAt(300)).toBeDefined()

    await cache.ensureRange(100, 100) // scrolled back: fetched again
    expect(fetch.mock.calls.map(([, offset]) => offset)).toEqual([0, 100, 200, 300, 100])
  })

  it('keeps a failure until a retry succeeds, and notifies subscribers of both', async () => {
    const fetch = fakeList(50)
    fetch.mockRejectedValueOnce(new Error('database is locked'))
    const cache = new SessionPageCache(QUERY, fetch, { pageSize: 100 })
    const listener = vi.fn()
    cache.subscribe(listener)
    const before = cache.getVersion()

    await cache.ensureRange(0, 10)
    expect(cache.error).toEqual(new Error('database is locked'))
    expect(cache.rowAt(0)).toBeUndefined()
    expect(listener).toHaveBeenCalledTimes(1)

    await cache.ensureRange(0, 10)
    expect(cache.error).toBeNull()
    expect(cache.rowAt(0)?.session_id).toBe('R0')
    expect(cache.total).toBe(50)
    expect(listener).toHaveBeenCalledTimes(2)
    expect(cache.getVersion()).toBe(before + 2)
  })

  it('stops notifying after unsubscribe', async () => {
    const cache = new SessionPageCache(QUERY, fakeList(10), { pageSize: 100 })
    const listener = vi.fn()
    const unsubscribe = cache.subscribe(listener)
    unsubscribe()
    await cache.ensureRange(0, 5)
    expect(listener).not.toHaveBeenCalled()
  })
})
