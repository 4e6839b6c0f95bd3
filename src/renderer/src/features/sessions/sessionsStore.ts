import type { VoiceEngine } from '@shared/live-call/voiceEngine'
import { create } from 'zustand'
import { SESSION_SOURCES, type SessionSource } from '@shared/sessions/labSchema'
import type { SessionFilter, SessionSort } from '@shared/sessions/sessionQuery'
import type { RuleId } from '@shared/escalation/rules'

/** The multi-select filters the screen offers. */
export type FacetFilter = 'scenario' | 'sentiment' | 'language' | 'source' | 'model'
export type SortColumn = SessionSort['column']

/** Typing settles for this long before the table, report and export see the search. */
export const SEARCH_DEBOUNCE_MS = 250

export const DEFAULT_SORT: SessionSort = { column: 'session_id', direction: 'asc' }

/** The Alerts filter: any session, those with an alert (of any rule, or of one), those without. */
export type AlertChoice = 'any' | 'with' | 'without' | RuleId

interface SessionsState {
  /** What the search box shows right now; `filter.search` follows it after the debounce. */
  searchText: string
  /** What the "said in the call" box shows; `filter.said` follows it after the debounce. */
  saidText: string
  filter: SessionFilter
  sort: SessionSort
  /** Bumped when the stored sessions change, so every query of the screen reloads. */
  revision: number
  setSearchText: (text: string) => void
  setSaidText: (text: string) => void
  setEscalated: (escalated: boolean | undefined) => void
  setAlerts: (choice: AlertChoice) => void
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

/** The Alerts filter's choice the filter stands for. */
export function alertChoiceOf(filter: SessionFilter): AlertChoice {
  const rule = filter.alertRules?.[0]
  if (rule) return rule
  if (filter.hasAlerts === undefined) return 'any'
  return filter.hasAlerts ? 'with' : 'without'
}

export const useSessionsStore = create<SessionsState>()((set, get) => {
  const timers: Partial<Record<'search' | 'said', ReturnType<typeof setTimeout>>> = {}
  const cancelSearch = (): void => {
    clearTimeout(timers.search)
    clearTimeout(timers.said)
    delete timers.search
    delete timers.said
  }
  /** Sets `key` of the filter to the typed text once typing has settled. */
  const debounced = (key: 'search' | 'said', text: string): void => {
    clearTimeout(timers[key])
    timers[key] = setTimeout(() => {
      const value = text.trim()
      if ((get().filter[key] ?? '') !== value) set({ filter: withValue(get().filter, key, value) })
    }, SEARCH_DEBOUNCE_MS)
  }

  return {
    searchText: '',
    saidText: '',
    filter: {},
    sort: DEFAULT_SORT,
    revision: 0,

    setSearchText: (text) => {
      set({ searchText: text })
      debounced('search', text)
    },

    setSaidText: (text) => {
      set({ saidText: text })
      debounced('said', text)
    },

    setEscalated: (escalated) => set({ filter: withValue(get().filter, 'escalated', escalated) }),

    setAlerts: (choice) => {
      const filter = withValue(
        withValue(get().filter, 'hasAlerts', choice === 'any' ? undefined : choice !== 'without'),
        'alertRules',
        choice === 'any' || choice === 'with' || choice === 'without' ? undefined : [choice]
      )
      set({ filter })
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
      set({ searchText: '', saidText: '', filter: {} })
    },

    showOnly: (filter) => {
      cancelSearch()
      set({ searchText: filter.search ?? '', saidText: filter.said ?? '', filter })
    },

    toggleSort: (column) => {
      const { sort } = get()
      const direction = sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc'
      set({ sort: { column, direction } })
    },

    refresh: () => set({ revision: get().revision + 1 })
  }
})

export const hasActiveFilters = (
  state: Pick<SessionsState, 'filter' | 'searchText' | 'saidText'>
): boolean =>
  state.searchText !== '' || state.saidText !== '' || Object.keys(state.filter).length > 0
