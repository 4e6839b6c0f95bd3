import type { JSX } from 'react'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { ToolCallRecord } from '@shared/live-call/callState'
import { useLiveCallStore } from '../store/liveCallStore'

/** The agent's lookups: what it asked, how many results came back, how long main took. */
export function ToolCallCards(): JSX.Element | null {
  const calls = useLiveCallStore((s) => s.call.toolCalls)
  if (calls.length === 0) return null
  return (
    <Stack spacing={1}>
      {calls.map((call) => (
        <ToolCallCard key={call.callId} call={call} />
      ))}
    </Stack>
  )
}

function ToolCallCard({ call }: { call: ToolCallRecord }): JSX.Element {
  const args = call.args as Record<string, unknown> | null
  const query = args
    ? Object.entries(args)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(' · ')
    : call.arguments
  const result = call.result
  return (
    <Paper variant="outlined" data-testid="tool-call-card" data-tool={call.name} sx={{ p: 1.5 }}>
      <Typography variant="subtitle2" sx={{ fontFamily: 'monospace' }}>
        {call.name}
      </Typography>
      <Typography variant="body2">{query}</Typography>
      <Typography
        variant="body2"
        color={result && !result.ok ? 'error' : 'text.secondary'}
        data-testid="tool-call-result"
      >
        {!result
          ? 'Looking it up…'
          : !result.ok
            ? `Failed: ${result.error ?? 'unknown error'} (${Math.round(result.ms)} ms)`
            : `→ ${result.resultCount ?? '?'} result${result.resultCount === 1 ? '' : 's'}, ${result.resultBytes} bytes, ${Math.round(result.ms)} ms`}
      </Typography>
    </Paper>
  )
}
