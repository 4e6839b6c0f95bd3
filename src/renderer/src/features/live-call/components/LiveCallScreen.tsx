import { useEffect, useRef, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import Alert from '@mui/material/Alert'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useCallShortcuts } from '../keyboard'
import { hangupIfActive, useLiveCallStore } from '../store/liveCallStore'
import { BargeInIndicator } from './BargeInIndicator'
import { CallControls } from './CallControls'
import { CallFailureBanner } from './CallFailureBanner'
import { CallStatsPanel } from './CallStatsPanel'
import { DemoAgentNotice } from './DemoAgentNotice'
import { LatencyPanel } from './LatencyPanel'
import { LiveAlertBanner } from './LiveAlertBanner'
import { RecordingAudioNotice } from './RecordingAudioNotice'
import { SpeakingIndicators } from './SpeakingIndicators'
import { ToolCallCards } from './ToolCallCards'
import { TranscriptPanel } from './TranscriptPanel'

/**
 * The live call: controls on top, the conversation large on the left, the figures that matter
 * while it runs on the right. The <audio> element plays the agent (and must: Chromium's echo
 * cancellation only knows audio that a media element plays).
 */
export function LiveCallScreen({
  onOpenSettings
}: {
  /** The failure banner's way to Settings (a missing or refused key). */
  onOpenSettings?: () => void
} = {}): JSX.Element {
  const { t } = useTranslation('liveCall')
  const audio = useRef<HTMLAudioElement>(null)
  const [deviceId, setDeviceId] = useState('')
  const store = useLiveCallStore(
    useShallow((s) => ({
      phase: s.phase,
      failure: s.failure,
      muted: s.muted,
      recording: s.recording,
      startedAt: s.startedAt,
      start: s.start,
      hangup: s.hangup,
      setMuted: s.setMuted,
      stopAgentSpeaking: s.stopAgentSpeaking,
      engine: s.info?.engine ?? null
    }))
  )
  // A reload or a closed window ends the call at the service too (protocol doc §10).
  useEffect(() => {
    window.addEventListener('pagehide', hangupIfActive)
    return () => window.removeEventListener('pagehide', hangupIfActive)
  }, [])
  const call = (): void => {
    if (audio.current) void store.start(audio.current, deviceId || null)
  }
  const live =
    store.phase === 'starting' || store.phase === 'connecting' || store.phase === 'in_call'
  // The controls' actions by key, each only when its button would be enabled.
  useCallShortcuts((action) => {
    if (action === 'call' && !live && store.phase !== 'ending') call()
    else if (action === 'hangUp' && live) void store.hangup()
    else if (action === 'mute' && store.phase === 'in_call') store.setMuted(!store.muted)
    else if (action === 'stopAgent' && store.phase === 'in_call') store.stopAgentSpeaking()
    else return false
    return true
  })
  return (
    <Stack spacing={2} sx={{ flex: 1, minWidth: 0, p: 2, overflow: 'hidden' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          {t('screen.title')}
        </Typography>
        <RecordingAudioNotice />
      </Stack>
      <CallControls
        phase={store.phase}
        muted={store.muted}
        deviceId={deviceId}
        onDevice={setDeviceId}
        onCall={call}
        onHangup={() => void store.hangup()}
        onMute={store.setMuted}
        onStopAgent={store.stopAgentSpeaking}
        canStopAgent={store.engine !== 'live'}
      />
      <DemoAgentNotice />
      {store.failure && (
        <CallFailureBanner failure={store.failure} onRetry={call} onOpenSettings={onOpenSettings} />
      )}
      <LiveAlertBanner callStartedAt={store.startedAt} onStopAgent={store.stopAgentSpeaking} />
      {store.recording.message && (
        <Alert
          data-testid="recording-status"
          severity={
            store.recording.status === 'finished'
              ? 'success'
              : store.recording.status === 'unavailable' || store.recording.status === 'saving'
                ? 'info'
                : 'warning'
          }
        >
          {store.recording.message}
        </Alert>
      )}
      <audio ref={audio} autoPlay data-testid="agent-audio" />
      <Stack direction="row" spacing={2} sx={{ flex: 1, minHeight: 0 }}>
        <Stack sx={{ flex: 3, minWidth: 0, minHeight: 0 }}>
          <TranscriptPanel />
        </Stack>
        <Stack spacing={2} sx={{ flex: 2, minWidth: 320, maxWidth: 480, overflow: 'auto' }}>
          <BargeInIndicator />
          <SpeakingIndicators />
          <LatencyPanel />
          <CallStatsPanel />
          <ToolCallCards />
        </Stack>
      </Stack>
    </Stack>
  )
}
