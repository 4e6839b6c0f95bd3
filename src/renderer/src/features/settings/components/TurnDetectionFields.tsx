import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import type { AppSettings } from '@shared/settings/settingsSchema'

type TurnDetection = AppSettings['turnDetection']
type Eagerness = Extract<TurnDetection, { type: 'semantic_vad' }>['eagerness']

const EAGERNESS: Eagerness[] = ['auto', 'low', 'medium', 'high']

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
  const { t } = useTranslation('settings')
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
        label={t('turnDetection.label')}
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
        <MenuItem value="semantic_vad">{t('turnDetection.semantic_vad')}</MenuItem>
        <MenuItem value="server_vad">{t('turnDetection.server_vad')}</MenuItem>
      </TextField>
      {value.type === 'semantic_vad' ? (
        <TextField
          select
          label={t('turnDetection.eagerness')}
          size="small"
          value={value.eagerness}
          onChange={(event) =>
            onChange({
              type: 'semantic_vad',
              eagerness: event.target.value as Eagerness
            })
          }
          sx={{ width: 170 }}
        >
          {EAGERNESS.map((e) => (
            <MenuItem key={e} value={e}>
              {t(`turnDetection.eagernessLevel.${e}`)}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <>
          {number(t('turnDetection.threshold'), 'threshold', 0.05)}
          {number(t('turnDetection.prefixPadding'), 'prefix_padding_ms', 50)}
          {number(t('turnDetection.silence'), 'silence_duration_ms', 50)}
        </>
      )}
    </Stack>
  )
}
