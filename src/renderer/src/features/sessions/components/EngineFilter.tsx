import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import { VOICE_ENGINES, type VoiceEngine } from '@shared/live-call/voiceEngine'

/**
 * Realtime or GPT-Live calls only (the seed, imports and calls before engines were recorded
 * are Realtime's), shared by the Sessions and Reports filter bars.
 */
export function EngineFilter({
  value,
  onChange
}: {
  value: VoiceEngine | undefined
  onChange: (engine: VoiceEngine | undefined) => void
}): JSX.Element {
  const { t } = useTranslation('sessions')
  return (
    <TextField
      select
      size="small"
      label={t('filters.engine')}
      value={value ?? 'any'}
      onChange={(event) => {
        const choice = event.target.value
        onChange(choice === 'any' ? undefined : (choice as VoiceEngine))
      }}
      slotProps={{ htmlInput: { 'data-testid': 'engine-filter' } }}
      sx={{ minWidth: 130 }}
    >
      <MenuItem value="any">{t('filters.any')}</MenuItem>
      {VOICE_ENGINES.map((engine) => (
        <MenuItem key={engine} value={engine}>
          {t(`filters.engines.${engine}`)}
        </MenuItem>
      ))}
    </TextField>
  )
}
