import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import FormControlLabel from '@mui/material/FormControlLabel'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import Typography from '@mui/material/Typography'

/** Opt-in recording of each desk call's audio, both sides, with what is kept and where. */
export function AudioRecordingField({
  value,
  onChange
}: {
  value: boolean
  onChange: (recordAudio: boolean) => void
}): JSX.Element {
  const { t } = useTranslation('settings')
  return (
    <Stack spacing={1}>
      <FormControlLabel
        control={
          <Switch
            checked={value}
            onChange={(event) => onChange(event.target.checked)}
            slotProps={{ input: { 'aria-describedby': 'record-audio-help' } }}
          />
        }
        label={t('screen.recording.recordAudio')}
      />
      <Typography id="record-audio-help" variant="body2" color="text.secondary">
        {t('screen.recording.help')}
      </Typography>
    </Stack>
  )
}
