import { memo, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import FilterAltOffIcon from '@mui/icons-material/FilterAltOff'
import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useShallow } from 'zustand/react/shallow'
import { EngineFilter, FacetSelect } from '@renderer/features/sessions'
import { useLabValueLabel } from '@renderer/i18n'
import type { FacetColumn } from '@shared/sessions/sessionQuery'
import { useReportsStore, type ReportFacet } from '../reportsStore'

const FACETS: readonly ReportFacet[] = ['scenario', 'language', 'sentiment', 'source', 'model']

type RagChoice = 'any' | 'yes' | 'no'
const toRagChoice = (ragUsed: boolean | undefined): RagChoice =>
  ragUsed === undefined ? 'any' : ragUsed ? 'yes' : 'no'

interface ReportFilterBarProps {
  facets: Partial<Record<FacetColumn, string[]>> | undefined
}

/** One set of filters for every figure and chart of the screen. */
export const ReportFilterBar = memo(function ReportFilterBar({
  facets
}: ReportFilterBarProps): JSX.Element {
  const { t } = useTranslation('reports')
  const valueLabel = useLabValueLabel()
  const { filter, setFacet, setRagUsed, setEngine, setDay, clearFilters } = useReportsStore(
    useShallow((s) => ({
      filter: s.filter,
      setFacet: s.setFacet,
      setRagUsed: s.setRagUsed,
      setEngine: s.setEngine,
      setDay: s.setDay,
      clearFilters: s.clearFilters
    }))
  )
  const day = (end: 'startedFrom' | 'startedTo', label: string): JSX.Element => (
    <TextField
      size="small"
      type="date"
      label={label}
      value={filter[end] ?? ''}
      onChange={(event) => setDay(end, event.target.value)}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: {
          min: end === 'startedTo' ? filter.startedFrom : undefined,
          max: end === 'startedFrom' ? filter.startedTo : undefined
        }
      }}
      sx={{ width: 160 }}
    />
  )
  return (
    <Stack
      component="section"
      aria-label={t('filters.label')}
      direction="row"
      spacing={1.5}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'center' }}
    >
      {day('startedFrom', t('filters.from'))}
      {day('startedTo', t('filters.to'))}
      {FACETS.map((facet) => (
        <FacetSelect
          key={facet}
          label={t(`filters.${facet}`)}
          optionLabel={facet === 'model' ? undefined : (value) => valueLabel(facet, value)}
          options={facets?.[facet] ?? []}
          selected={filter[facet] ?? []}
          onChange={(values) => setFacet(facet, values)}
        />
      ))}
      <TextField
        select
        size="small"
        label={t('filters.ragUsed')}
        value={toRagChoice(filter.ragUsed)}
        onChange={(event) => {
          const choice = event.target.value as RagChoice
          setRagUsed(choice === 'any' ? undefined : choice === 'yes')
        }}
        sx={{ minWidth: 120 }}
      >
        <MenuItem value="any">{t('filters.any')}</MenuItem>
        <MenuItem value="yes">{t('filters.yes')}</MenuItem>
        <MenuItem value="no">{t('filters.no')}</MenuItem>
      </TextField>
      <EngineFilter value={filter.engine} onChange={setEngine} />
      <Button
        startIcon={<FilterAltOffIcon />}
        onClick={clearFilters}
        disabled={Object.keys(filter).length === 0}
      >
        {t('filters.clear')}
      </Button>
    </Stack>
  )
})
