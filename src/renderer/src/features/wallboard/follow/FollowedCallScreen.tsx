import type { JSX, KeyboardEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'
import ArrowBackIcon from '@mui/icons-material/ArrowBack'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { LiveCallRow } from '@shared/team/boardSnapshot'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import {
  BargeInIndicator,
  CallViewContext,
  LatencyPanel,
  SpeakingIndicators,
  ToolCallCards,
  TranscriptPanel
} from '@renderer/features/live-call'
import { dateTimeFormat, formatDurationMs } from '@renderer/i18n'
import { GatewayCallActions } from '../components/GatewayCallActions'
import { gatewayCallAbilities } from '../components/gatewayCallAbilities'
import { useFollowedCall } from './useFollowedCall'

const SETTLED = new Set(['dismissed', 'escalated'])

/**
 * One team call opened from the wallboard: its transcript, barge-in indicator, latency and the
 * agent's lookups, the live call screen's own panels fed by the call's recording (not its
 * audio); a gateway call's takeover actions for a supervisor while it runs. Escape or Back
 * returns to the wallboard.
 */
export function FollowedCallScreen({
  sessionId,
  row,
  supervisor,
  notices,
  onBack
}: {
  sessionId: string
  /** The call's wallboard row while it is on the board (null once it ended or went stale). */
  row: LiveCallRow | null
  supervisor: boolean
  /** The gateway's answers to commands ("Transferred by lead"), as the wallboard shows them. */
  notices: ReactNode
  onBack: () => void
}): JSX.Element {
  const { t } = useTranslation('monitor')
  const feed = useFollowedCall(sessionId)
  const elapsedMs = useStore(feed.store, ({ call }) =>
    call.startedT === null || call.lastT === null ? 0 : call.lastT - call.startedT
  )
  const seat = feed.call?.seat ?? row?.seat ?? '—'
  const channel = feed.call?.channel ?? row?.channel ?? null
  const alert = row?.latestAlert ?? null
  const takeover = supervisor && !feed.ended && row !== null && !row.stale && channel !== 'desk'
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    onBack()
  }
  return (
    <Stack
      spacing={1.5}
      data-testid="followed-call"
      data-session-id={sessionId}
      onKeyDown={onKeyDown}
      sx={{ flex: 1, minWidth: 0, p: 2, overflow: 'hidden' }}
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          autoFocus
          startIcon={<ArrowBackIcon />}
          onClick={onBack}
          aria-keyshortcuts="Escape"
          title={t('wallboard.follow.backHint')}
        >
          {t('wallboard.follow.back')}
        </Button>
        <Typography variant="h5" component="h1" sx={{ flex: 1, minWidth: 0 }}>
          {t('wallboard.follow.title', { seat })}
        </Typography>
        <Chip
          data-testid="followed-call-status"
          data-ended={feed.ended}
          color={feed.ended ? 'default' : 'success'}
          label={feed.ended ? t('wallboard.follow.ended') : t('wallboard.follow.live')}
        />
      </Stack>
      <Typography variant="body2" color="text.secondary" data-testid="followed-call-facts">
        {[
          channel && t(`wallboard.channels.${channel}`),
          row?.caller,
          sessionId,
          feed.call &&
            t('wallboard.follow.started', {
              time: dateTimeFormat({ timeStyle: 'medium' }).format(feed.call.startedAtMs)
            }),
          t('wallboard.follow.elapsed', { time: formatDurationMs(elapsedMs) })
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      {notices}
      {feed.error && <IpcErrorAlert error={feed.error} />}
      {feed.ended && (
        <Alert severity="info" data-testid="followed-call-ended">
          {t('wallboard.follow.endedNotice')}
        </Alert>
      )}
      {!feed.ended && alert && (
        <Alert
          severity={SETTLED.has(alert.status) ? 'info' : 'warning'}
          data-testid="followed-call-alert"
        >
          {`${t(`rules.${alert.rule}`)} · ${t(`wallboard.status.${alert.status}`)}`}
        </Alert>
      )}
      {takeover && (
        <GatewayCallActions
          sessionId={sessionId}
          {...gatewayCallAbilities({ channel, engine: row.engine })}
          alertId={alert && !SETTLED.has(alert.status) ? alert.alertId : null}
        />
      )}
      {!feed.caughtUp && !feed.error && (
        <Typography color="text.secondary">{t('wallboard.follow.loading')}</Typography>
      )}
      <CallViewContext.Provider value={feed.store}>
        <Stack direction="row" spacing={2} sx={{ flex: 1, minHeight: 0 }}>
          <Stack sx={{ flex: 3, minWidth: 0, minHeight: 0 }}>
            <TranscriptPanel />
          </Stack>
          <Stack spacing={2} sx={{ flex: 2, minWidth: 300, maxWidth: 480, overflow: 'auto' }}>
            <BargeInIndicator />
            <SpeakingIndicators meters={false} />
            <LatencyPanel />
            <ToolCallCards />
          </Stack>
        </Stack>
      </CallViewContext.Provider>
      <Typography variant="caption" color="text.secondary">
        {t('wallboard.follow.note')}
      </Typography>
    </Stack>
  )
}
