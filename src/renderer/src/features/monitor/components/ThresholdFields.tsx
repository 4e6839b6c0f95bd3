import type { JSX } from 'react'
import FormControlLabel from '@mui/material/FormControlLabel'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import TextField from '@mui/material/TextField'
import type { EscalationThresholds } from '@shared/escalation/thresholds'

type Section = keyof EscalationThresholds

interface FieldSpec<S extends Section> {
  field: Exclude<keyof EscalationThresholds[S], 'enabled'> & string
  label: string
}

const FIELDS: { [S in Section]: { title: string; fields: FieldSpec<S>[] } } = {
  interruptions: {
    title: 'Interruptions',
    fields: [
      { field: 'total', label: 'In the call ≥' },
      { field: 'burstCount', label: 'In a burst ≥' },
      { field: 'burstWindowSec', label: 'Burst window (s)' }
    ]
  },
  humanRequest: { title: 'Caller asks for a human', fields: [] },
  sentiment: {
    title: 'Negative caller',
    fields: [
      { field: 'recentUtterances', label: 'Recent utterances' },
      { field: 'minNegative', label: 'Negative ≥' },
      { field: 'minInterruptions', label: 'With interruptions ≥' }
    ]
  },
  latency: {
    title: 'Latency (at-ear P95)',
    fields: [
      { field: 'lastTurns', label: 'Last K turns' },
      { field: 'minTurns', label: 'At least turns' },
      { field: 'p95Ms', label: 'P95 above (ms)' }
    ]
  },
  tools: {
    title: 'Tools',
    fields: [
      { field: 'failures', label: 'Failures ≥' },
      { field: 'zeroResultsInRow', label: 'Empty in a row ≥' }
    ]
  }
}

interface ThresholdFieldsProps {
  value: EscalationThresholds
  problems: Record<string, string>
  onChange: (next: EscalationThresholds) => void
}

/** One row per rule: on/off and its numbers, checked against the same schema as main. */
export function ThresholdFields({ value, problems, onChange }: ThresholdFieldsProps): JSX.Element {
  const set = <S extends Section>(section: S, patch: Partial<EscalationThresholds[S]>): void =>
    onChange({ ...value, [section]: { ...value[section], ...patch } })
  return (
    <Paper sx={{ p: 2 }} component="section" aria-label="Thresholds">
      <Stack spacing={1.5}>
        {(Object.keys(FIELDS) as Section[]).map((section) => (
          <Stack
            key={section}
            direction="row"
            spacing={2}
            sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}
          >
            <FormControlLabel
              sx={{ width: 260, mt: 0.5 }}
              control={
                <Switch
                  checked={value[section].enabled}
                  onChange={(_, enabled) => set(section, { enabled })}
                />
              }
              label={FIELDS[section].title}
            />
            {(FIELDS[section].fields as FieldSpec<typeof section>[]).map(({ field, label }) => {
              const number = (value[section] as unknown as Record<string, number>)[field]!
              const problem = problems[`${section}.${field}`]
              return (
                <TextField
                  key={field}
                  label={label}
                  type="number"
                  size="small"
                  disabled={!value[section].enabled}
                  value={Number.isNaN(number) ? '' : number}
                  error={problem !== undefined}
                  helperText={problem}
                  onChange={(e) =>
                    set(section, {
                      [field]: e.target.value === '' ? Number.NaN : Number(e.target.value)
                    } as Partial<EscalationThresholds[typeof section]>)
                  }
                  sx={{ width: 170 }}
                />
              )
            })}
          </Stack>
        ))}
      </Stack>
    </Paper>
  )
}
