import { useMemo } from 'react'
import type { SessionFilter } from '@shared/sessions/sessionQuery'
import { foldCaseAndAccents } from '@shared/language/normalizeWords'
import { KNOWN_VALUES } from '@shared/sessions/labSchema'
import { useLabValueLabel, type LabValueLabel } from '@renderer/i18n'

/**
 * The documented scenarios whose name on screen (full or short) contains `search`: the table
 * shows "Queja", so a search for "queja" must find the complaints stored as `complaint`.
 */
export function scenariosNamed(search: string, label: LabValueLabel): string[] {
  // Case and accents folded, as a reader types a name ("devolucion" for "Devolución").
  const needle = foldCaseAndAccents(search.trim())
  if (!needle) return []
  return (KNOWN_VALUES.scenario ?? []).filter((code) =>
    [label('scenario', code), label('scenario', code, 'short')].some((name) =>
      foldCaseAndAccents(name).includes(needle)
    )
  )
}

/** The filter as main is asked: the search also matching the scenarios named in it. */
export function useFilterWithScenarioNames(filter: SessionFilter): SessionFilter {
  const label = useLabValueLabel()
  return useMemo(() => {
    const named = filter.search ? scenariosNamed(filter.search, label) : []
    return named.length ? { ...filter, searchScenarios: named } : filter
  }, [filter, label])
}
