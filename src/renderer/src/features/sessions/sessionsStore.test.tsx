import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_SORT,
  hasActiveFilters,
  SEARCH_DEBOUNCE_MS,
  useSessionsStore
} from './sessionsStore'

const store = useSessionsStore
const initial = store.getState()

describe('sessionsStore', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    store.getState().clearFilters()
    store.setState(initial, true)
    vi.useRealTimers()
  })

  it('applies the search only once typing settles', () => {
    store.getState().setSearchText('S0')
    store.getState().setSearchText('S01 ')
    expect(store.getState().searchText).toBe('S01 ')
    expect(store.getState().filter).toEqual({})

    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1)
    expect(store.getState().filter).toEqual({})
    vi.advanceTimersByTime(1)
    expect(store.getState().filter).toEqual({ search: 'S01' })
  })

  it('keeps the filter object when the settled search does not change it', () => {
    store.getState().setSearchText('faq')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    const filter = store.getState().filter
    store.getState().setSearchText('faq ')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    expect(store.getState().filter).toBe(filter) // no needless reload of the table
  })

  it('drops empty selections so equal filters look equal', () => {
    store.getState().setFacet('sentiment', ['negative'])
    store.getState().setFacet('source', ['import', 'bogus'])
    store.getState().setRagUsed(false)
    expect(store.getState().filter).toEqual({
      sentiment: ['negative'],
      source: ['import'],
      ragUsed: false
    })
    store.getState().setFacet('sentiment', [])
    store.getState().setRagUsed(undefined)
    expect(store.getState().filter).toEqual({ source: ['import'] })
  })

  it('clears filters, including a search still being typed', () => {
    store.getState().setFacet('language', ['fr'])
    store.getState().setSearchText('S1')
    expect(hasActiveFilters(store.getState())).toBe(true)
    store.getState().clearFilters()
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    expect(store.getState().filter).toEqual({})
    expect(store.getState().searchText).toBe('')
    expect(hasActiveFilters(store.getState())).toBe(false)
  })

  it('sorts ascending on a new column and flips on the same one', () => {
    expect(store.getState().sort).toEqual(DEFAULT_SORT)
    store.getState().toggleSort('latency_p95_ms')
    expect(store.getState().sort).toEqual({ column: 'latency_p95_ms', direction: 'asc' })
    store.getState().toggleSort('latency_p95_ms')
    expect(store.getState().sort).toEqual({ column: 'latency_p95_ms', direction: 'desc' })
    store.getState().toggleSort('turns')
    expect(store.getState().sort).toEqual({ column: 'turns', direction: 'asc' })
  })
})
