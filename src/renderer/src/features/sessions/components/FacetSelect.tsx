import { useId, type JSX } from 'react'
import Checkbox from '@mui/material/Checkbox'
import FormControl from '@mui/material/FormControl'
import InputLabel from '@mui/material/InputLabel'
import ListItemText from '@mui/material/ListItemText'
import MenuItem from '@mui/material/MenuItem'
import OutlinedInput from '@mui/material/OutlinedInput'
import Select from '@mui/material/Select'

interface FacetSelectProps {
  label: string
  /** Values present in the database. */
  options: readonly string[]
  selected: readonly string[]
  onChange: (values: string[]) => void
  /** What to show for a value (a translated sentiment, say); the value itself by default. */
  optionLabel?: (value: string) => string
}

/** A multi-select over one column's distinct values; nothing selected means "any". */
export function FacetSelect({
  label,
  options,
  selected,
  onChange,
  optionLabel = (value) => value
}: FacetSelectProps): JSX.Element {
  const labelId = useId()
  // A chosen value stays listed even if a refresh no longer reports it, so it can be unticked.
  const values = [...new Set([...options, ...selected])]
  return (
    <FormControl size="small" sx={{ minWidth: 150, maxWidth: 220 }}>
      <InputLabel id={labelId}>{label}</InputLabel>
      <Select<string[]>
        labelId={labelId}
        multiple
        value={[...selected]}
        onChange={(event) => {
          const value = event.target.value
          onChange(typeof value === 'string' ? value.split(',') : value)
        }}
        input={<OutlinedInput label={label} />}
        renderValue={(chosen) => chosen.map(optionLabel).join(', ')}
      >
        {values.map((value) => (
          <MenuItem key={value} value={value} dense>
            <Checkbox size="small" checked={selected.includes(value)} sx={{ py: 0 }} />
            <ListItemText primary={optionLabel(value)} />
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  )
}
