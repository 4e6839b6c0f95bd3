import { useEffect, useMemo, useState, type JSX } from 'react'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { estimateCostUsd } from '@shared/live-call/usageCost'
import { useLiveCallStore } from '../store/liveCallStore'
import { formatElapsed, formatMs, formatUsd } from './format'

/** Elapsed time, tokens and cost, and the connection's RTT, jitter and loss. */
export function CallStatsPanel(): JSX.Element {
  const startedAt = useLiveCallStore((s) => s.startedAt)
  const endedAt = useLiveCallStore((s) => s.endedAt)
  const tokens = useLiveCallStore((s) => s.call.tokens)
  const prices = useLiveCallStore((s) => s.call.config.prices)
  const quality = useLiveCallStore((s) => s.quality)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (endedAt !== null || startedAt === null) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [startedAt, endedAt])
  const cost = useMemo(() => estimateCostUsd(tokens, prices), [tokens, prices])
  const elapsed = startedAt === null ? 0 : (endedAt ?? now) - startedAt
  const partial = tokens.responsesWithoutUsage > 0 ? ' (partial)' : ''
  const figures: [string, string, string][] = [
    ['Elapsed', formatElapsed(elapsed), 'call-elapsed'],
    ['Tokens', `${tokens.inputTokens} in · ${tokens.outputTokens} out`, 'call-tokens'],
    ['Cost', `${formatUsd(cost)}${partial}`, 'call-cost'],
    ['RTT', formatMs(quality.rttMs), 'call-rtt'],
    ['Jitter', formatMs(quality.jitterMs), 'call-jitter'],
    ['Loss', quality.lossPct === null ? '–' : `${quality.lossPct.toFixed(1)} %`, 'call-loss']
  ]
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 1.5 }}
    >
      {figures.map(([label, value, testId]) => (
        <Box key={label}>
          <Typography variant="caption" color="text.secondary">
            {label}
          </Typography>
          <Typography
            sx={{ fontSize: 18, fontVariantNumeric: 'tabular-nums' }}
            data-testid={testId}
          >
            {value}
          </Typography>
        </Box>
      ))}
    </Paper>
  )
}
