import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { liveStatus } from '@shared/live-call/liveView'
import { useCallView } from '../store/callView'
import { LevelMeter } from './LevelMeter'

/**
 * Who is speaking now (from the server's events) and how loud (from the audio itself). Without
 * `meters` (a followed team call: this console hears none of its audio), who speaks only.
 */
export function SpeakingIndicators({ meters = true }: { meters?: boolean } = {}): JSX.Element {
  const { t } = useTranslation('liveCall')
  const { caller, agent } = useCallView(
    useShallow((s) => {
      const status = liveStatus(s.call)
      return { caller: status.callerSpeaking, agent: status.agentSpeaking }
    })
  )
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Speaker
          who={t('speaking.caller')}
          level={t('speaking.callerLevel')}
          speaking={caller}
          source={meters ? 'mic' : null}
          testId="caller-speaking"
        />
        <Speaker
          who={t('speaking.agent')}
          level={t('speaking.agentLevel')}
          speaking={agent}
          source={meters ? 'remote' : null}
          testId="agent-speaking"
        />
      </Stack>
    </Paper>
  )
}

interface SpeakerProps {
  who: string
  /** The level meter's accessible name. */
  level: string
  speaking: boolean
  /** Which level to meter; null: no meter. */
  source: 'mic' | 'remote' | null
  testId: string
}

function Speaker({ who, level, speaking, source, testId }: SpeakerProps): JSX.Element {
  const { t } = useTranslation('liveCall')
  return (
    <Stack spacing={0.5}>
      <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
        <Typography sx={{ fontWeight: 600 }}>{who}</Typography>
        <Typography
          variant="body2"
          data-testid={testId}
          data-speaking={speaking}
          color={speaking ? 'primary' : 'text.secondary'}
        >
          {speaking ? t('speaking.speaking') : t('speaking.quiet')}
        </Typography>
      </Stack>
      {source && <LevelMeter source={source} label={level} />}
    </Stack>
  )
}
