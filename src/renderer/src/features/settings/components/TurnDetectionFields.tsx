import type { JSX } from 'react'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import type { AppSettings } from '@shared/settings/settingsSchema'

type TurnDetection = AppSettings['turnDetection']

const SERVER_VAD_DEFAULTS: TurnDetection = {
  type: 'server_vad',
  threshold: 0.5,
  prefix_padding_ms: 300,
  silence_duration_ms: 500
}

/** semantic_vad (when the caller has finished a thought) or server_vad (silence-based). */
export function TurnDetectionFields({
  value,
  onChange
}: {
  value: TurnDetection
  onChange: (next: TurnDetection) => void
}): JSX.Element {
  const number = (
    label: string,
    field: 'threshold' | 'prefix_padding_ms' | 'silence_duration_ms',
    step: number
  ): JSX.Element | false =>
    value.type === 'server_vad' && (
      <TextField
        label={label}
        type="number"
        size="small"
        value={value[field]}
        slotProps={{ htmlInput: { step } }}
        onChange={(event) => onChange({ ...value, [field]: Number(event.target.value) })}
        sx={{ width: 170 }}
      />
    )
  return (
    <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
      <TextField
        select
        label="Turn detection"
        size="small"
        value={value.type}
        onChange={(event) =>
          onChange(
            event.target.value === 'server_vad'
              ? SERVER_VAD_DEFAULTS
              : { type: 'semantic_vad', eagerness: 'auto' }
          )
        }
        sx={{ width: 220 }}
      >
        <MenuItem value="semantic_vad">Semantic VAD</MenuItem>
        <MenuItem value="server_vad">Server VAD (silence)</MenuItem>
      </TextField>
      {value.type === 'semantic_vad' ? (
        <TextField
          select
          label="Eagerness"
          size="small"
          value={value.eagerness}
          onChange={(event) =>
            onChange({
              type: 'semantic_vad',
              eagerness: event.target.value as 'low' | 'medium' | 'high' | 'auto'
            })
          }
          sx={{ width: 170 }}
        >
          {['auto', 'low', 'medium', 'high'].map((e) => (
            <MenuItem key={e} value={e}>
              {e}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <>
          {number('Threshold (0–1)', 'threshold', 0.05)}
          {number('Prefix padding (ms)', 'prefix_padding_ms', 50)}
          {number('Silence (ms)', 'silence_duration_ms', 50)}
        </>
      )}
    </Stack>
  )
}
