import type { VoiceEngine } from '@shared/live-call/voiceEngine'
import { create } from 'zustand'
import type { ReportFilter } from '@shared/analytics/reportSchemas'
import { SESSION_SOURCES, type SessionSource } from '@shared/sessions/labSchema'

export type ReportFacet = 'scenario' | 'sentiment' | 'language' | 'model' | 'source'

interface ReportsState {
  filter: ReportFilter
  setFacet: (facet: ReportFacet, values: string[]) => void
  setRagUsed: (ragUsed: boolean | undefined) => void
  setEngine: (engine: VoiceEngine | undefined) => void
  setDay: (end: 'startedFrom' | 'startedTo', day: string) => void
  clearFilters: () => void
}

const isSource = (value: string): value is SessionSource =>
  (SESSION_SOURCES as readonly string[]).includes(value)

/** Drops empty parts so equal filters serialise equally (requests are keyed on their JSON). */
function withValue<K extends keyof ReportFilter>(
  filter: ReportFilter,
  key: K,
  value: ReportFilter[K]
): ReportFilter {
  const next = { ...filter }
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  if (empty) delete next[key]
  else next[key] = value
  return next
}

/** The Reports screen's filters, kept while the user visits other screens. */
export const useReportsStore = create<ReportsState>()((set, get) => ({
  filter: {},
  setFacet: (facet, values) =>
    set({
      filter:
        facet === 'source'
          ? withValue(get().filter, 'source', values.filter(isSource))
          : withValue(get().filter, facet, values)
    }),
  setRagUsed: (ragUsed) => set({ filter: withValue(get().filter, 'ragUsed', ragUsed) }),
  setEngine: (engine) => set({ filter: withValue(get().filter, 'engine', engine) }),
  setDay: (end, day) => set({ filter: withValue(get().filter, end, day) }),
  clearFilters: () => set({ filter: {} })
}))
