import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Chip from '@mui/material/Chip'
import Stack from '@mui/material/Stack'
import type { SessionFilter } from '@shared/sessions/sessionQuery'
import { drillChipLabels, type DrillKey } from './drillChips'

/**
 * The Sessions screen's range and list filters that came from a Reports chart, as chips; the
 * cross removes one (a date chip removes the whole range).
 */
export function DrillFilterChips({
  filter,
  onChange
}: {
  filter: SessionFilter
  onChange: (filter: SessionFilter) => void
}): JSX.Element | null {
  const { t } = useTranslation('reports')
  const chips = drillChipLabels(filter, t)
  if (chips.length === 0) return null
  const remove = (key: DrillKey): void => {
    const next = { ...filter }
    delete next[key]
    if (key === 'startedFrom') delete next.startedTo
    onChange(next)
  }
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      aria-label={t('drillChips.label')}
      data-testid="drill-filter-chips"
    >
      {chips.map((chip) => (
        <Chip
          key={chip.key}
          size="small"
          color="primary"
          variant="outlined"
          label={chip.label}
          onDelete={() => remove(chip.key)}
          data-testid={`drill-chip-${chip.key}`}
        />
      ))}
    </Stack>
  )
}
