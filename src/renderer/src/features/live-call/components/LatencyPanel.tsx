import { useMemo, type JSX } from 'react'
import Chip from '@mui/material/Chip'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { sessionMetrics } from '@shared/live-call/sessionMetrics'
import { turnRecords } from '@shared/live-call/turnRecords'
import { useLiveCallStore } from '../store/liveCallStore'
import { formatMs } from './format'

/** One chip per caller turn (caller stopped → agent audio), and the running P50/P95. */
export function LatencyPanel(): JSX.Element {
  const call = useLiveCallStore((s) => s.call)
  const { turns, metrics } = useMemo(
    () => ({ turns: turnRecords(call), metrics: sessionMetrics(call) }),
    [call]
  )
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, flex: 1 }}>
          Latency
        </Typography>
        <Typography data-testid="latency-p50">P50 {formatMs(metrics.latency.p50)}</Typography>
        <Typography data-testid="latency-p95">P95 {formatMs(metrics.latency.p95)}</Typography>
      </Stack>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.75 }} data-testid="latency-chips">
        {turns.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            Each caller turn gets a chip here.
          </Typography>
        )}
        {turns.map((turn) => (
          <Chip
            key={turn.callerItemId}
            size="small"
            variant={turn.exclusion ? 'outlined' : 'filled'}
            color={turn.latencyMs !== null && turn.latencyMs > 1500 ? 'warning' : 'default'}
            label={`#${turn.index} ${formatMs(turn.latencyMs)}${turn.atEarLatencyMs !== null ? ` · ear ${formatMs(turn.atEarLatencyMs)}` : ''}`}
            title={
              turn.exclusion
                ? `Not counted in P50/P95: ${turn.exclusion.replace(/_/g, ' ')}`
                : 'Caller stopped → agent audio started (at the ear: first audible energy)'
            }
          />
        ))}
      </Stack>
    </Paper>
  )
}
