import { useEffect, type JSX, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { formatDurationMs, numberFormat } from '@renderer/i18n'
import type { CallAudioRemoval } from '@shared/live-call/callAudio'
import type { CallAudio } from '../hooks/useCallAudio'
import { RemoveCallAudio } from './RemoveCallAudio'

/** A size in kB (MB past 10 MB), in the UI language. */
function formatSize(bytes: number): string {
  const mega = bytes >= 10 * 1000 * 1000
  return numberFormat({
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: mega ? 1 : 0
  }).format(bytes / (mega ? 1e6 : 1e3))
}

/**
 * The call's recorded audio (both sides) with its length and size, in a native player: keyboard
 * and screen-reader controls come with it. The replay drives it through `audioRef`.
 */
export function CallAudioPlayer({
  sessionId,
  audio,
  audioRef,
  onRemoved
}: {
  sessionId: string
  audio: CallAudio
  audioRef: RefObject<HTMLAudioElement | null>
  /** The audio was deleted here (Delete audio…): the detail says so instead. */
  onRemoved: (removal: CallAudioRemoval) => void
}): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  useFiniteDuration(audioRef, audio.url)
  return (
    <Stack spacing={0.5} data-testid="call-audio-player">
      <Typography variant="subtitle2">{t('audio.title')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t('audio.recorded', {
          duration: formatDurationMs(audio.info.durationMs),
          size: formatSize(audio.info.bytes)
        })}
      </Typography>
      <Box
        component="audio"
        ref={audioRef}
        controls
        preload="auto"
        src={audio.url}
        aria-label={t('audio.player')}
        data-testid="call-audio"
        sx={{ width: '100%', maxWidth: 560 }}
      />
      <RemoveCallAudio
        sessionId={sessionId}
        durationMs={audio.info.durationMs}
        onRemoved={onRemoved}
      />
    </Stack>
  )
}

/**
 * MediaRecorder's WebM carries no duration, so Chromium reports Infinity until it has read to
 * the end: asking for a far position makes it find the end, and then the player goes back to 0.
 */
function useFiniteDuration(audioRef: RefObject<HTMLAudioElement | null>, url: string): void {
  useEffect(() => {
    const element = audioRef.current
    if (!element) return
    const onMetadata = (): void => {
      if (element.duration !== Infinity) return
      element.addEventListener('durationchange', () => (element.currentTime = 0), { once: true })
      element.currentTime = Number.MAX_SAFE_INTEGER
    }
    element.addEventListener('loadedmetadata', onMetadata)
    return () => element.removeEventListener('loadedmetadata', onMetadata)
  }, [audioRef, url])
}
