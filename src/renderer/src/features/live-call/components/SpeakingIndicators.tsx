import type { JSX } from 'react'
import { useShallow } from 'zustand/react/shallow'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { liveStatus } from '@shared/live-call/liveView'
import { useLiveCallStore } from '../store/liveCallStore'
import { LevelMeter } from './LevelMeter'

/** Who is speaking now (from the server's events) and how loud (from the audio itself). */
export function SpeakingIndicators(): JSX.Element {
  const { caller, agent } = useLiveCallStore(
    useShallow((s) => {
      const status = liveStatus(s.call)
      return { caller: status.callerSpeaking, agent: status.agentSpeaking }
    })
  )
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Speaker who="Caller" speaking={caller} source="mic" testId="caller-speaking" />
        <Speaker who="Agent" speaking={agent} source="remote" testId="agent-speaking" />
      </Stack>
    </Paper>
  )
}

interface SpeakerProps {
  who: string
  speaking: boolean
  source: 'mic' | 'remote'
  testId: string
}

function Speaker({ who, speaking, source, testId }: SpeakerProps): JSX.Element {
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
          {speaking ? 'speaking' : 'quiet'}
        </Typography>
      </Stack>
      <LevelMeter source={source} label={`${who} level`} />
    </Stack>
  )
}
