import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { liveStatus } from '@shared/live-call/liveView'
import { TermHelp } from '@renderer/components/glossary'
import { useCallView } from '../store/callView'

/** How long a confirmed barge-in keeps the indicator lit after the agent was cut. */
const LIT_MS = 4000

/**
 * Lights amber as soon as the caller speaks over the agent (the reducer's provisional flag, set
 * on speech_started) and red once the server confirms the cut; counts interruptions. Read by the
 * e2e test through its data attributes.
 */
export function BargeInIndicator(): JSX.Element {
  const { t } = useTranslation('liveCall')
  const { pending, interruptions, backchannels, lastStartT, lit } = useCallView(
    useShallow((s) => {
      const status = liveStatus(s.call)
      const overlapping = s.call.utterances.filter((u) => u.overAgent !== null)
      // Confirmation can come seconds after the speech (the transcript decides backchannels), so
      // the light stays on for LIT_MS of the call's time from the latest confirmation; the
      // reducer's clock.tick (every 250 ms) moves the call's time on. Read from the call, not
      // from when this panel saw the count rise: a call opened midway (a followed team call)
      // does not light up for interruptions long past, and an ended call is not lit.
      const confirmed = s.call.events.findLast((e) => e.type === 'barge_in.confirmed')
      const now = s.call.lastT
      return {
        pending: status.bargeInPending,
        interruptions: status.interruptions,
        backchannels: status.backchannels,
        lastStartT: overlapping.at(-1)?.startT ?? null,
        lit:
          confirmed !== undefined &&
          s.call.endedT === null &&
          now !== null &&
          now - confirmed.t < LIT_MS
      }
    })
  )
  const state = pending ? 'pending' : lit ? 'lit' : 'idle'
  const color =
    state === 'lit'
      ? 'error.main'
      : state === 'pending'
        ? 'warning.main'
        : 'action.disabledBackground'
  return (
    <Paper
      variant="outlined"
      data-testid="barge-in-indicator"
      data-state={state}
      data-speech-started-t={lastStartT ?? ''}
      sx={{ p: 2, display: 'flex', alignItems: 'center', gap: 2 }}
    >
      <Box
        aria-hidden
        sx={{
          width: 28,
          height: 28,
          borderRadius: '50%',
          bgcolor: color,
          boxShadow: state === 'idle' ? 'none' : 3,
          flexShrink: 0
        }}
      />
      <Box sx={{ flex: 1 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {state === 'pending' ? t('bargeIn.cuttingIn') : t('bargeIn.title')}
          <TermHelp term="bargeIn" />
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {backchannels > 0
            ? t('bargeIn.backchannels', { count: backchannels })
            : t('bargeIn.hint')}
        </Typography>
      </Box>
      <Box sx={{ textAlign: 'right' }}>
        <Typography variant="h4" component="span" data-testid="interruption-count">
          {interruptions}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {t('bargeIn.interruptions')}
          <TermHelp term="interruptions" />
        </Typography>
      </Box>
    </Paper>
  )
}
