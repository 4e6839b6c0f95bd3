import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Chip from '@mui/material/Chip'
import Tooltip from '@mui/material/Tooltip'
import FiberManualRecordIcon from '@mui/icons-material/FiberManualRecord'
import { useRequest } from '@renderer/app/useRequest'
import { CALL_PHASES } from '../engine/CallEngine'
import { useLiveCallStore } from '../store/liveCallStore'

/**
 * The notice that this call's audio is being recorded (both sides), shown for as long as it is,
 * beside the screen's title, so it is in view whatever else the screen shows; and said when the
 * audio is not reaching the database. Between calls, while Settings records audio, it says so
 * before the agent places one. Nothing when no audio is or will be recorded.
 */
export function RecordingAudioNotice(): JSX.Element | null {
  const { t } = useTranslation('liveCall')
  const audio = useLiveCallStore((s) => s.audio)
  const phase = useLiveCallStore((s) => s.phase)
  const between = phase === 'idle' || phase === 'ended' || phase === 'failed'
  // Read again at each phase: Settings may have been changed since the last call.
  const settings = useRequest('settings.get', {}, CALL_PHASES.indexOf(phase))
  const state =
    audio !== 'off' ? audio : between && settings.data?.settings.recordAudio ? 'armed' : null
  if (!state) return null
  const recording = state === 'recording'
  return (
    <Tooltip title={t(`audio.${state}Hint`)} describeChild>
      <Chip
        data-testid="audio-recording-notice"
        data-state={state}
        role="status"
        tabIndex={0}
        icon={<FiberManualRecordIcon aria-hidden />}
        label={t(`audio.${state}`)}
        color={recording ? 'error' : state === 'armed' ? 'default' : 'warning'}
        variant={recording || state === 'armed' ? 'outlined' : 'filled'}
        sx={{ fontWeight: 600, '& .MuiChip-icon': { color: 'error.main' } }}
      />
    </Tooltip>
  )
}
