import { useEffect, useMemo, useRef, type JSX, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { CallAlert } from '@shared/escalation/callAlert'
import type { TurnRow } from '@shared/live-call/recordedCall'
import type { CallInput } from '@shared/live-call/callEvents'
import { RecordedReplay } from '@shared/live-call/recordedReplay'
import type { ReplayPlayerState, ReplayScheduler } from '@shared/live-call/replayPlayer'
import { audioOffsetMs, replayAudioStep } from '@shared/live-call/replayAudioSync'
import type { ReplayAudioInput } from '@shared/live-call/replayAudioSync'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useRequest } from '@renderer/app/useRequest'
import { dateTimeFormat } from '@renderer/i18n'
import { useCallAudio, type CallAudio } from '../hooks/useCallAudio'
import { CallAlertList } from './CallAlertList'
import { CallAudioPlayer } from './CallAudioPlayer'
import { LabellingNote } from './LabellingNote'
import { RecordedTranscript } from './RecordedTranscript'
import { ReplayControls } from './ReplayControls'
import { TurnTimeline } from './TurnTimeline'
import { useReplayPlayer } from './useReplayPlayer'

interface RecordedCallProps {
  sessionId: string
  /** The replay's clock and timers (the browser's by default). */
  scheduler?: ReplayScheduler
}

/** A recorded live call: its turn timeline with alert flags, the alerts in full, the transcript. */
export function RecordedCall({ sessionId, scheduler }: RecordedCallProps): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  const { data, error, loading } = useRequest('recording.get', { sessionId })
  const events = useRequest('recording.events', { sessionId })
  const audio = useCallAudio(sessionId)
  const audioRef = useRef<HTMLAudioElement>(null)
  if (error) return <IpcErrorAlert error={error} />
  if (loading || !data) return <LinearProgress aria-label={t('turns.loading')} />
  return (
    <Stack spacing={1}>
      {data.status === 'incomplete' && (
        <Alert severity="warning">{t('turns.incomplete', { count: data.events })}</Alert>
      )}
      {data.status === 'failed' && (
        <Alert severity="error" data-testid="call-failure">
          <AlertTitle>{t('turns.failedTitle')}</AlertTitle>
          {t('turns.failed', { count: data.events })}
          {data.failure && (
            <Box component="code" sx={{ display: 'block', mt: 1, whiteSpace: 'pre-wrap' }}>
              {data.failure.error}
            </Box>
          )}
        </Alert>
      )}
      <Typography variant="caption" color="text.secondary" data-testid="session-engine">
        {t('turns.engine', { engine: t(`turns.engines.${data.engine}`) })}
      </Typography>
      <LabellingNote labels={data.labels} />
      {audio.error && <IpcErrorAlert error={audio.error} />}
      {audio.audio ? (
        <CallAudioPlayer
          sessionId={sessionId}
          audio={audio.audio}
          audioRef={audioRef}
          onRemoved={audio.removed}
        />
      ) : (
        !audio.loading &&
        !audio.error && (
          <Typography variant="caption" color="text.secondary" data-testid="no-call-audio">
            {audio.removal
              ? t('audio.removed', {
                  by: audio.removal.removedBy,
                  at: dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(
                    new Date(audio.removal.removedAt)
                  )
                })
              : t('audio.none')}
          </Typography>
        )
      )}
      {events.error && <IpcErrorAlert error={events.error} />}
      {events.data ? (
        <ReplayableTurns
          inputs={events.data.inputs as CallInput[]}
          turns={data.turns}
          alerts={data.alerts}
          scheduler={scheduler}
          audio={audio.audio ? { ...audio.audio, element: audioRef } : null}
        />
      ) : (
        <>
          {!events.error && <LinearProgress aria-label={t('replay.loading')} />}
          <CallView turns={data.turns} alerts={data.alerts} />
        </>
      )}
    </Stack>
  )
}

/**
 * The stored turns until the replay is started or scrubbed; from then on, the call as it stood
 * at the replay's position (the recorded inputs run through the live screen's reducer).
 */
function ReplayableTurns({
  inputs,
  turns,
  alerts,
  scheduler,
  audio
}: {
  inputs: readonly CallInput[]
  turns: readonly TurnRow[]
  alerts: readonly CallAlert[]
  scheduler?: ReplayScheduler
  /** The call's recorded audio and its player, which the replay moves in step. */
  audio: (CallAudio & { element: RefObject<HTMLAudioElement | null> }) | null
}): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  const replay = useMemo(() => new RecordedReplay(inputs), [inputs])
  const { player, state } = useReplayPlayer(replay.durationMs, scheduler)
  useReplayAudio(state, audio, audio ? audioOffsetMs(audio.info.startT, inputs[0]?.t) : 0)
  const engaged = state.playing || state.atMs > 0
  const frame = useMemo(
    () => (engaged ? replay.frameAt(state.atMs) : null),
    [engaged, replay, state.atMs]
  )
  const spanMs = Math.max(
    replay.durationMs,
    ...turns.flatMap((turn) => [turn.agent_stop_ms ?? 0, turn.caller_stop_ms ?? 0])
  )
  return (
    <>
      <Typography variant="subtitle2">{t('replay.title')}</Typography>
      {inputs.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('replay.empty')}
        </Typography>
      ) : (
        <ReplayControls player={player} state={state} />
      )}
      {frame ? (
        <CallView
          turns={frame.turns}
          alerts={alerts.filter((a) => a.t !== null && a.t <= frame.atMs)}
          spanMs={spanMs}
          cursorMs={frame.atMs}
        />
      ) : (
        <CallView turns={turns} alerts={alerts} />
      )}
    </>
  )
}

function CallView({
  turns,
  alerts,
  spanMs,
  cursorMs
}: {
  turns: readonly TurnRow[]
  alerts: readonly CallAlert[]
  spanMs?: number
  cursorMs?: number
}): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  return (
    <>
      <Typography variant="subtitle2">{t('turns.title')}</Typography>
      <TurnTimeline turns={turns} alerts={alerts} spanMs={spanMs} cursorMs={cursorMs} />
      <Typography variant="caption" color="text.secondary">
        {t('turns.legend')}
      </Typography>
      <CallAlertList alerts={alerts} />
      <RecordedTranscript turns={turns} />
    </>
  )
}

/**
 * The replay's play, pause, seek and speed drive the call's audio, so the sound follows the
 * picture. Only a change of the replay moves it: the player's own controls still play the
 * audio alone.
 */
function useReplayAudio(
  state: ReplayPlayerState,
  audio: (CallAudio & { element: RefObject<HTMLAudioElement | null> }) | null,
  offsetMs: number
): void {
  const durationMs = audio?.info.durationMs ?? 0
  const element = audio?.element
  useEffect(() => {
    const media = element?.current
    if (!media || (!state.playing && state.atMs === 0)) return
    moveAudio(media, { ...state, offsetMs, durationMs })
  }, [state, element, offsetMs, durationMs])
}

/** Puts the audio element where the replay wants it, playing or paused. */
function moveAudio(media: HTMLAudioElement, replay: Omit<ReplayAudioInput, 'audioMs'>): void {
  const step = replayAudioStep({ ...replay, audioMs: media.currentTime * 1000 })
  if (step.seekToMs !== null) media.currentTime = step.seekToMs / 1000
  media.playbackRate = step.rate
  if (step.play && media.paused) void media.play().catch(() => undefined)
  else if (!step.play && !media.paused) media.pause()
}
