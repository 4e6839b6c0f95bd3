import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import CallEndIcon from '@mui/icons-material/CallEnd'
import MicIcon from '@mui/icons-material/Mic'
import MicOffIcon from '@mui/icons-material/MicOff'
import PhoneIcon from '@mui/icons-material/Phone'
import VoiceOverOffIcon from '@mui/icons-material/VoiceOverOff'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Stack from '@mui/material/Stack'
import type { CallPhase } from '../engine/CallEngine'
import { MicrophonePicker } from './MicrophonePicker'

interface CallControlsProps {
  phase: CallPhase
  muted: boolean
  deviceId: string
  onDevice: (deviceId: string) => void
  onCall: () => void
  onHangup: () => void
  onMute: (muted: boolean) => void
  onStopAgent: () => void
}

/** Call / hang up, mute, stop the agent, the microphone, and where the call stands. */
export function CallControls(props: CallControlsProps): JSX.Element {
  const { t } = useTranslation('liveCall')
  const { phase, muted } = props
  const live = phase === 'starting' || phase === 'connecting' || phase === 'in_call'
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
      {live ? (
        <Button
          variant="contained"
          color="error"
          size="large"
          startIcon={<CallEndIcon />}
          onClick={props.onHangup}
        >
          {t('controls.hangUp')}
        </Button>
      ) : (
        <Button
          variant="contained"
          color="success"
          size="large"
          startIcon={<PhoneIcon />}
          onClick={props.onCall}
          disabled={phase === 'ending'}
        >
          {t('controls.call')}
        </Button>
      )}
      <Button
        variant="outlined"
        startIcon={muted ? <MicOffIcon /> : <MicIcon />}
        onClick={() => props.onMute(!muted)}
        disabled={phase !== 'in_call'}
        aria-pressed={muted}
      >
        {muted ? t('controls.unmute') : t('controls.mute')}
      </Button>
      <Button
        variant="outlined"
        startIcon={<VoiceOverOffIcon />}
        onClick={props.onStopAgent}
        disabled={phase !== 'in_call'}
      >
        {t('controls.stopAgent')}
      </Button>
      <MicrophonePicker value={props.deviceId} onChange={props.onDevice} disabled={live} />
      <Chip
        data-testid="call-phase"
        data-phase={phase}
        label={t(`controls.phase.${phase}`)}
        color={phase === 'in_call' ? 'success' : phase === 'failed' ? 'error' : 'default'}
      />
    </Stack>
  )
}
