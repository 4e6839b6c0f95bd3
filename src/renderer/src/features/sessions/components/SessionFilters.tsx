import { EngineFilter } from './EngineFilter'
import { memo, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import FilterAltOffIcon from '@mui/icons-material/FilterAltOff'
import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import { SearchField } from '@renderer/app/SearchField'
import { useLabValueLabel } from '@renderer/i18n'
import TextField from '@mui/material/TextField'
import { useShallow } from 'zustand/react/shallow'
import type { FacetColumn } from '@shared/sessions/sessionQuery'
import { hasActiveFilters, useSessionsStore, type FacetFilter } from '../sessionsStore'
import { FacetSelect } from './FacetSelect'
import { MarkFilters } from './MarkFilters'

/** The multi-selects, in order; each one's label is `filters.<column>`. */
const FACET_FILTERS: readonly FacetFilter[] = [
  'scenario',
  'sentiment',
  'language',
  'source',
  'model'
]

type RagChoice = 'any' | 'yes' | 'no'
const toRagChoice = (ragUsed: boolean | undefined): RagChoice =>
  ragUsed === undefined ? 'any' : ragUsed ? 'yes' : 'no'
const fromRagChoice = (choice: RagChoice): boolean | undefined =>
  choice === 'any' ? undefined : choice === 'yes'

interface SessionFiltersProps {
  facets: Partial<Record<FacetColumn, string[]>> | undefined
}

/**
 * Search and column filters; they drive the table, the summary and exports alike. Memoised:
 * each table page that loads re-renders the screen, not these controls.
 */
export const SessionFilters = memo(function SessionFilters({
  facets
}: SessionFiltersProps): JSX.Element {
  const { t } = useTranslation('sessions')
  const valueLabel = useLabValueLabel()
  const {
    searchText,
    saidText,
    filter,
    active,
    setSearchText,
    setSaidText,
    setEscalated,
    setAlerts,
    setFacet,
    setRagUsed,
    setEngine,
    clearFilters
  } = useSessionsStore(
    useShallow((s) => ({
      searchText: s.searchText,
      saidText: s.saidText,
      filter: s.filter,
      active: hasActiveFilters(s),
      setSearchText: s.setSearchText,
      setSaidText: s.setSaidText,
      setEscalated: s.setEscalated,
      setAlerts: s.setAlerts,
      setFacet: s.setFacet,
      setRagUsed: s.setRagUsed,
      setEngine: s.setEngine,
      clearFilters: s.clearFilters
    }))
  )

  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <SearchField
        label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        value={searchText}
        onChange={setSearchText}
        width={260}
      />
      <SearchField
        label={t('filters.said')}
        placeholder={t('filters.saidPlaceholder')}
        value={saidText}
        onChange={setSaidText}
        width={280}
      />
      {FACET_FILTERS.map((column) => (
        <FacetSelect
          key={column}
          label={t(`filters.${column}`)}
          optionLabel={column === 'model' ? undefined : (value) => valueLabel(column, value)}
          options={facets?.[column] ?? []}
          selected={filter[column] ?? []}
          onChange={(values) => setFacet(column, values)}
        />
      ))}
      <TextField
        select
        size="small"
        label={t('filters.ragUsed')}
        value={toRagChoice(filter.ragUsed)}
        onChange={(event) => setRagUsed(fromRagChoice(event.target.value as RagChoice))}
        sx={{ minWidth: 120 }}
      >
        <MenuItem value="any">{t('filters.any')}</MenuItem>
        <MenuItem value="yes">{t('filters.yes')}</MenuItem>
        <MenuItem value="no">{t('filters.no')}</MenuItem>
      </TextField>
      <EngineFilter value={filter.engine} onChange={setEngine} />
      <MarkFilters filter={filter} onEscalated={setEscalated} onAlerts={setAlerts} />
      <Button startIcon={<FilterAltOffIcon />} onClick={clearFilters} disabled={!active}>
        {t('filters.clear')}
      </Button>
    </Stack>
  )
})
