import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Chip from '@mui/material/Chip'
import Tooltip from '@mui/material/Tooltip'
import FiberManualRecordIcon from '@mui/icons-material/FiberManualRecord'
import { useLiveCallStore } from '../store/liveCallStore'

/**
 * The notice that this call's audio is being recorded (both sides), shown for as long as it is,
 * beside the screen's title, so it is in view whatever else the screen shows; and said when the
 * audio is not reaching the database. Nothing when the call is not recorded with audio.
 */
export function RecordingAudioNotice(): JSX.Element | null {
  const { t } = useTranslation('liveCall')
  const audio = useLiveCallStore((s) => s.audio)
  if (audio === 'off') return null
  const recording = audio === 'recording'
  return (
    <Tooltip title={t(`audio.${audio}Hint`)} describeChild>
      <Chip
        data-testid="audio-recording-notice"
        data-state={audio}
        role="status"
        tabIndex={0}
        icon={<FiberManualRecordIcon aria-hidden />}
        label={t(`audio.${audio}`)}
        color={recording ? 'error' : 'warning'}
        variant={recording ? 'outlined' : 'filled'}
        sx={{ fontWeight: 600, '& .MuiChip-icon': { color: 'error.main' } }}
      />
    </Tooltip>
  )
}
