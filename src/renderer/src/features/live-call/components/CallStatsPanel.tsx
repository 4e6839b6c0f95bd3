import { useEffect, useMemo, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { estimateCallCostUsd } from '@shared/live-call/usageCost'
import { TermHelp, type GlossaryTerm } from '@renderer/components/glossary'
import { useLiveCallStore } from '../store/liveCallStore'
import { formatElapsed, formatLossPct, formatMs, formatUsd } from './format'

/** Elapsed time, tokens and cost, and the connection's RTT, jitter and loss. */
export function CallStatsPanel(): JSX.Element {
  const { t } = useTranslation('liveCall')
  const startedAt = useLiveCallStore((s) => s.startedAt)
  const endedAt = useLiveCallStore((s) => s.endedAt)
  const tokens = useLiveCallStore((s) => s.call.tokens)
  const prices = useLiveCallStore((s) => s.call.config.prices)
  // The demo agent runs on this computer: nothing is billed, whatever its tokens would cost.
  const demo = useLiveCallStore((s) => s.info?.provider === 'demo')
  const quality = useLiveCallStore((s) => s.quality)
  // GPT-Live reports cumulative session seconds, billed by the minute, not tokens.
  const liveSeconds = useLiveCallStore((s) => s.call.live?.audioSeconds ?? null)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (endedAt !== null || startedAt === null) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [startedAt, endedAt])
  const cost = useMemo(
    () => estimateCallCostUsd(tokens, liveSeconds, prices),
    [tokens, liveSeconds, prices]
  )
  const elapsed = startedAt === null ? 0 : (endedAt ?? now) - startedAt
  const costText = demo
    ? t('stats.notBilled')
    : liveSeconds === null && tokens.responsesWithoutUsage > 0
      ? t('stats.partialCost', { cost: formatUsd(cost) })
      : formatUsd(cost)
  const figures: [string, string, string, GlossaryTerm?][] = [
    [t('stats.elapsed'), formatElapsed(elapsed), 'call-elapsed'],
    liveSeconds !== null
      ? [
          t('stats.audio'),
          t('stats.audioValue', { seconds: liveSeconds }),
          'call-audio-seconds',
          'engine'
        ]
      : [
          t('stats.tokens'),
          t('stats.tokensValue', { input: tokens.inputTokens, output: tokens.outputTokens }),
          'call-tokens',
          'tokens'
        ],
    [t('stats.cost'), costText, 'call-cost'],
    [t('stats.rtt'), formatMs(quality.rttMs), 'call-rtt', 'connection'],
    [t('stats.jitter'), formatMs(quality.jitterMs), 'call-jitter'],
    [t('stats.loss'), formatLossPct(quality.lossPct), 'call-loss']
  ]
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 1.5 }}
    >
      {figures.map(([label, value, testId, term]) => (
        <Box key={testId}>
          <Typography variant="caption" color="text.secondary">
            {label}
            {term && <TermHelp term={term} />}
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
