import { memo, type JSX } from 'react'
import FilterAltOffIcon from '@mui/icons-material/FilterAltOff'
import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import { SearchField } from '@renderer/app/SearchField'
import TextField from '@mui/material/TextField'
import { useShallow } from 'zustand/react/shallow'
import type { FacetColumn } from '@shared/sessions/sessionQuery'
import { hasActiveFilters, useSessionsStore, type FacetFilter } from '../sessionsStore'
import { FacetSelect } from './FacetSelect'

const FACET_FILTERS: { column: FacetFilter; label: string }[] = [
  { column: 'scenario', label: 'Scenario' },
  { column: 'sentiment', label: 'Sentiment' },
  { column: 'language', label: 'Language' },
  { column: 'source', label: 'Source' },
  { column: 'model', label: 'Model' }
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
  const { searchText, filter, active, setSearchText, setFacet, setRagUsed, clearFilters } =
    useSessionsStore(
      useShallow((s) => ({
        searchText: s.searchText,
        filter: s.filter,
        active: hasActiveFilters(s),
        setSearchText: s.setSearchText,
        setFacet: s.setFacet,
        setRagUsed: s.setRagUsed,
        clearFilters: s.clearFilters
      }))
    )

  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <SearchField
        label="Search"
        placeholder="ID, scenario or model"
        value={searchText}
        onChange={setSearchText}
        width={260}
      />
      {FACET_FILTERS.map(({ column, label }) => (
        <FacetSelect
          key={column}
          label={label}
          options={facets?.[column] ?? []}
          selected={filter[column] ?? []}
          onChange={(values) => setFacet(column, values)}
        />
      ))}
      <TextField
        select
        size="small"
        label="RAG used"
        value={toRagChoice(filter.ragUsed)}
        onChange={(event) => setRagUsed(fromRagChoice(event.target.value as RagChoice))}
        sx={{ minWidth: 120 }}
      >
        <MenuItem value="any">Any</MenuItem>
        <MenuItem value="yes">Yes</MenuItem>
        <MenuItem value="no">No</MenuItem>
      </TextField>
      <Button startIcon={<FilterAltOffIcon />} onClick={clearFilters} disabled={!active}>
        Clear filters
      </Button>
    </Stack>
  )
})
