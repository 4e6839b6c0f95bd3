import type { JSX } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Drawer from '@mui/material/Drawer'
import IconButton from '@mui/material/IconButton'
import LinearProgress from '@mui/material/LinearProgress'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import CloseIcon from '@mui/icons-material/Close'
import type { StoredSession } from '@shared/sessions/labSchema'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useRequest } from '@renderer/app/useRequest'
import { TurnTimeline } from './TurnTimeline'

const LABELS: Partial<Record<keyof StoredSession, string>> = {
  scenario: 'Scenario',
  duration_sec: 'Duration (s)',
  latency_p50_ms: 'Latency P50 (ms)',
  latency_p95_ms: 'Latency P95 (ms)',
  interruptions: 'Interruptions',
  turns: 'Turns',
  sentiment: 'Sentiment',
  model: 'Model',
  rag_used: 'RAG used',
  language: 'Language',
  source: 'Source',
  started_at: 'Started',
  ended_at: 'Ended',
  at_ear_p50_ms: 'At-ear P50 (ms)',
  at_ear_p95_ms: 'At-ear P95 (ms)',
  backchannels: 'Backchannels',
  echo_suspects: 'Echo suspects',
  tool_calls: 'Tool calls',
  tool_ms_p50: 'Tool P50 (ms)',
  input_tokens: 'Input tokens',
  output_tokens: 'Output tokens',
  cost_usd: 'Cost (USD)',
  escalated: 'Escalated'
}

const show = (value: unknown): string =>
  typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value)

/** Every column of one session; for a live call, its turn timeline and transcript too. */
export function SessionDetailDrawer({
  session,
  onClose
}: {
  session: StoredSession | null
  onClose: () => void
}): JSX.Element {
  return (
    <Drawer anchor="right" open={session !== null} onClose={onClose}>
      <Box sx={{ width: 620, p: 2 }} data-testid="session-detail">
        {session && (
          <Stack spacing={2}>
            <Stack direction="row" sx={{ alignItems: 'center' }}>
              <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
                {session.session_id}
              </Typography>
              <IconButton aria-label="Close session detail" onClick={onClose}>
                <CloseIcon />
              </IconButton>
            </Stack>
            <Box
              component="dl"
              sx={{ display: 'grid', gridTemplateColumns: '180px 1fr', rowGap: 0.5, m: 0 }}
            >
              {(Object.keys(LABELS) as (keyof StoredSession)[])
                .filter((key) => session[key] !== null && session[key] !== undefined)
                .map((key) => (
                  <Box key={key} sx={{ display: 'contents' }}>
                    <Typography component="dt" variant="body2" color="text.secondary">
                      {LABELS[key]}
                    </Typography>
                    <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                      {show(session[key])}
                    </Typography>
                  </Box>
                ))}
            </Box>
            {session.source === 'live' ? (
              <LiveCallTurns sessionId={session.session_id} />
            ) : (
              <Typography variant="body2" color="text.secondary">
                {session.source === 'seed' ? 'A pilot session' : 'An imported CSV row'}: the
                lab&apos;s columns only, no turn-by-turn record.
              </Typography>
            )}
          </Stack>
        )}
      </Box>
    </Drawer>
  )
}

function LiveCallTurns({ sessionId }: { sessionId: string }): JSX.Element {
  const { data, error, loading } = useRequest('recording.get', { sessionId })
  if (error) return <IpcErrorAlert error={error} />
  if (loading || !data) return <LinearProgress aria-label="Loading the call's turns" />
  return (
    <Stack spacing={1}>
      {data.status === 'incomplete' && (
        <Alert severity="warning">
          The call ended without a hang-up (the app closed or crashed); it was finished from the
          {` ${data.events}`} events recorded until then.
        </Alert>
      )}
      <Typography variant="subtitle2">Turns</Typography>
      <TurnTimeline turns={data.turns} />
      <Typography variant="caption" color="text.secondary">
        Top lane: caller (blue; grey for backchannels and echo). Bottom lane: agent (green). Red:
        the caller cut in. Figures: latency from the caller&apos;s stop to the agent&apos;s audio.
      </Typography>
      <List dense aria-label="Transcript">
        {data.turns.map((t) => (
          <ListItem key={t.turn_index} sx={{ display: 'block' }}>
            {t.caller_text && (
              <ListItemText primary={t.caller_text} secondary={`Caller · ${t.kind}`} />
            )}
            {t.agent_text && (
              <ListItemText
                primary={
                  t.barge_in && t.agent_heard_text !== null ? (
                    <>
                      {t.agent_heard_text} <s>{t.agent_text.slice(t.agent_heard_text.length)}</s>
                    </>
                  ) : (
                    t.agent_text
                  )
                }
                secondary={`Agent${t.latency_ms !== null ? ` · ${Math.round(t.latency_ms)} ms` : ''}`}
              />
            )}
          </ListItem>
        ))}
      </List>
    </Stack>
  )
}
