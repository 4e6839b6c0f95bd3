import type { SessionFilter } from '@shared/sessions/sessionQuery'
import { useSessionsStore } from './sessionsStore'

// The Sessions feature's public surface: the screen, opening it filtered (reports' click-through)
// and its multi-select, which the Reports filter bar shares.
export { SessionsScreen, type DrillSource } from './components/SessionsScreen'
export { FacetSelect } from './components/FacetSelect'
export { EngineFilter } from './components/EngineFilter'

/** Sets the Sessions screen's filters, e.g. before showing it from a report. */
export const showSessionsFiltered = (filter: SessionFilter): void =>
  useSessionsStore.getState().showOnly(filter)
