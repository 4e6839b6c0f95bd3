import type { VoiceEngine } from '@shared/live-call/voiceEngine'
import { create } from 'zustand'
import { SESSION_SOURCES, type SessionSource } from '@shared/sessions/labSchema'
import type { SessionFilter, SessionSort } from '@shared/sessions/sessionQuery'

/** The multi-select filters the screen offers. */
export type FacetFilter = 'scenario' | 'sentiment' | 'language' | 'source' | 'model'
export type SortColumn = SessionSort['column']

/** Typing settles for this long before the table, report and export see the search. */
export const SEARCH_DEBOUNCE_MS = 250

export const DEFAULT_SORT: SessionSort = { column: 'session_id', direction: 'asc' }

interface SessionsState {
  /** What the search box shows right now; `filter.search` follows it after the debounce. */
  searchText: string
  filter: SessionFilter
  sort: SessionSort
  /** Bumped when the stored sessions change, so every query of the screen reloads. */
  revision: number
  setSearchText: (text: string) => void
  setFacet: (column: FacetFilter, values: string[]) => void
  setRagUsed: (ragUsed: boolean | undefined) => void
  setEngine: (engine: VoiceEngine | undefined) => void
  clearFilters: () => void
  /** Replaces every filter at once (a report's click-through); the search box shows its search. */
  showOnly: (filter: SessionFilter) => void
  toggleSort: (column: SortColumn) => void
  refresh: () => void
}

const isSource = (value: string): value is SessionSource =>
  (SESSION_SOURCES as readonly string[]).includes(value)

/** Drops empty parts so equal filters serialise equally (the page cache and requests key on it). */
function withValue<K extends keyof SessionFilter>(
  filter: SessionFilter,
  key: K,
  value: SessionFilter[K]
): SessionFilter {
  const next = { ...filter }
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  if (empty) delete next[key]
  else next[key] = value
  return next
}

export const useSessionsStore = create<SessionsState>()((set, get) => {
  let searchTimer: ReturnType<typeof setTimeout> | undefined
  const cancelSearch = (): void => {
    clearTimeout(searchTimer)
    searchTimer = undefined
  }

  return {
    searchText: '',
    filter: {},
    sort: DEFAULT_SORT,
    revision: 0,

    setSearchText: (text) => {
      set({ searchText: text })
      cancelSearch()
      searchTimer = setTimeout(() => {
        const search = text.trim()
        if ((get().filter.search ?? '') !== search)
          set({ filter: withValue(get().filter, 'search', search) })
      }, SEARCH_DEBOUNCE_MS)
    },

    setFacet: (column, values) =>
      set({
        filter:
          column === 'source'
            ? withValue(get().filter, 'source', values.filter(isSource))
            : withValue(get().filter, column, values)
      }),

    setRagUsed: (ragUsed) => set({ filter: withValue(get().filter, 'ragUsed', ragUsed) }),
    setEngine: (engine) => set({ filter: withValue(get().filter, 'engine', engine) }),

    clearFilters: () => {
      cancelSearch()
      set({ searchText: '', filter: {} })
    },

    showOnly: (filter) => {
      cancelSearch()
      set({ searchText: filter.search ?? '', filter })
    },

    toggleSort: (column) => {
      const { sort } = get()
      const direction = sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc'
      set({ sort: { column, direction } })
    },

    refresh: () => set({ revision: get().revision + 1 })
  }
})

export const hasActiveFilters = (state: Pick<SessionsState, 'filter' | 'searchText'>): boolean =>
  state.searchText !== '' || Object.keys(state.filter).length > 0
