import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'

interface MicrophonePickerProps {
  value: string
  onChange: (deviceId: string) => void
  disabled: boolean
}

/** The audio inputs the system offers; '' = the system default. Labels appear after a grant. */
export function MicrophonePicker({
  value,
  onChange,
  disabled
}: MicrophonePickerProps): JSX.Element {
  const { t } = useTranslation('liveCall')
  const [inputs, setInputs] = useState<MediaDeviceInfo[]>([])
  useEffect(() => {
    const devices = navigator.mediaDevices
    if (!devices) return
    const load = (): void =>
      void devices
        .enumerateDevices()
        .then((all) => setInputs(all.filter((d) => d.kind === 'audioinput' && d.deviceId)))
        .catch(() => setInputs([]))
    load()
    devices.addEventListener('devicechange', load)
    return () => devices.removeEventListener('devicechange', load)
  }, [disabled])
  return (
    <TextField
      select
      size="small"
      label={t('microphone.label')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={disabled}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      sx={{ minWidth: 220 }}
    >
      <MenuItem value="">{t('microphone.systemDefault')}</MenuItem>
      {inputs
        .filter((d) => d.deviceId !== 'default')
        .map((d, i) => (
          <MenuItem key={d.deviceId} value={d.deviceId}>
            {d.label || t('microphone.numbered', { number: i + 1 })}
          </MenuItem>
        ))}
    </TextField>
  )
}
