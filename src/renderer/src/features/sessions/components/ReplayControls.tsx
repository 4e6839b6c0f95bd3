import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import IconButton from '@mui/material/IconButton'
import Slider from '@mui/material/Slider'
import Stack from '@mui/material/Stack'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import PauseIcon from '@mui/icons-material/Pause'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import {
  REPLAY_SPEEDS,
  type ReplayPlayer,
  type ReplayPlayerState,
  type ReplaySpeed
} from '@shared/live-call/replayPlayer'
import { formatDurationMs, numberFormat } from '@renderer/i18n'

/** Play/pause, 1×–8× and a scrubber over the recorded call. */
export function ReplayControls({
  player,
  state
}: {
  player: ReplayPlayer
  state: ReplayPlayerState
}): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  const clock = (ms: number): string => formatDurationMs(Math.floor(ms / 1000) * 1000)
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }} data-testid="replay">
      <IconButton
        aria-label={state.playing ? t('replay.pause') : t('replay.play')}
        onClick={() => (state.playing ? player.pause() : player.play())}
        color="primary"
      >
        {state.playing ? <PauseIcon /> : <PlayArrowIcon />}
      </IconButton>
      <Slider
        aria-label={t('replay.position')}
        min={0}
        max={Math.max(1, player.durationMs)}
        step={100}
        value={state.atMs}
        onChange={(_, value) => player.seek(value as number)}
        getAriaValueText={clock}
        sx={{ flex: 1 }}
      />
      <Typography
        variant="caption"
        sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
        data-testid="replay-clock"
      >
        {t('replay.clock', { at: clock(state.atMs), total: clock(player.durationMs) })}
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={state.speed}
        onChange={(_, speed: ReplaySpeed | null) => speed && player.setSpeed(speed)}
        aria-label={t('replay.speed')}
      >
        {REPLAY_SPEEDS.map((speed) => (
          <ToggleButton key={speed} value={speed} sx={{ py: 0.25, px: 1 }}>
            {t('replay.speedValue', { speed: numberFormat().format(speed) })}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Stack>
  )
}
