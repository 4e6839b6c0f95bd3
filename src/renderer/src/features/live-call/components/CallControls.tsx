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
import Typography from '@mui/material/Typography'
import type { CallPhase } from '../engine/CallEngine'
import {
  ariaKeyShortcuts,
  chordLabel,
  isMac,
  shortcutFor,
  type CallShortcutAction
} from '../keyboard'
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
  /** False on GPT-Live, which has no client event that cuts the agent mid-sentence. */
  canStopAgent?: boolean
}

/** The chord's attributes for a control: announced by screen readers, shown as its title. */
function chord(action: CallShortcutAction, mac: boolean): Record<string, string> {
  const shortcut = shortcutFor(action)
  return { 'aria-keyshortcuts': ariaKeyShortcuts(shortcut), title: chordLabel(shortcut, mac) }
}

/**
 * Call / hang up, mute, stop the agent, the microphone, and where the call stands; under them
 * the keys that reach each action from anywhere on the screen (useCallShortcuts).
 */
export function CallControls(props: CallControlsProps): JSX.Element {
  const { t } = useTranslation('liveCall')
  const { phase, muted } = props
  const live = phase === 'starting' || phase === 'connecting' || phase === 'in_call'
  const mac = isMac()
  const keys = (action: CallShortcutAction): string => chordLabel(shortcutFor(action), mac)
  return (
    <Stack spacing={0.5}>
      <Stack
        direction="row"
        spacing={1.5}
        sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
        data-testid="call-controls"
      >
        {live ? (
          <Button
            variant="contained"
            color="error"
            size="large"
            startIcon={<CallEndIcon />}
            onClick={props.onHangup}
            {...chord('hangUp', mac)}
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
            {...chord('call', mac)}
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
          {...chord('mute', mac)}
        >
          {muted ? t('controls.unmute') : t('controls.mute')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<VoiceOverOffIcon />}
          onClick={props.onStopAgent}
          disabled={phase !== 'in_call' || props.canStopAgent === false}
          {...chord('stopAgent', mac)}
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
      <Typography variant="caption" color="text.secondary" data-testid="call-shortcuts">
        {t('controls.shortcuts', {
          call: keys('call'),
          hangUp: keys('hangUp'),
          mute: keys('mute'),
          stopAgent: keys('stopAgent')
        })}
      </Typography>
    </Stack>
  )
}
