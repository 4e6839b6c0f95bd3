import { useMemo, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Chip from '@mui/material/Chip'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { sessionMetrics } from '@shared/live-call/sessionMetrics'
import { turnRecords } from '@shared/live-call/turnRecords'
import { SLOW_P95_MS_BY_SCALE } from '@shared/sessions/latencyScales'
import { useCallView } from '../store/callView'
import { formatMs } from './format'
import { TermHelp } from '@renderer/components/glossary'

/** One chip per caller turn (caller stopped → agent audio), and the running P50/P95. */
export function LatencyPanel(): JSX.Element {
  const { t } = useTranslation('liveCall')
  const { t: tc } = useTranslation('common')
  const call = useCallView((s) => s.call)
  const { turns, metrics } = useMemo(
    () => ({ turns: turnRecords(call), metrics: sessionMetrics(call) }),
    [call]
  )
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      {/* The figures go under the title, together, when title and figures do not fit on one
          line (1024 px, es/fr), rather than squeezing the title or stranding its help icon. */}
      <Stack
        direction="row"
        useFlexGap
        sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 2, rowGap: 0.5, mb: 1 }}
      >
        {/* The words Sessions and Reports use for a live call's latency, with what it measures. */}
        <Typography
          variant="subtitle1"
          sx={{ fontWeight: 600, flex: '1 1 auto' }}
          title={tc('latency.liveHelp', { threshold: SLOW_P95_MS_BY_SCALE.live })}
        >
          {tc('latency.live')}
          <TermHelp term="liveLatency" />
        </Typography>
        <Stack
          direction="row"
          useFlexGap
          sx={{ alignItems: 'baseline', columnGap: 2, flexShrink: 0 }}
          data-testid="latency-figures"
        >
          <Typography data-testid="latency-p50">
            {t('latency.p50', { value: formatMs(metrics.latency.p50) })}
          </Typography>
          <Typography data-testid="latency-p95">
            {t('latency.p95', { value: formatMs(metrics.latency.p95) })}
          </Typography>
          <TermHelp term="percentiles" />
        </Stack>
      </Stack>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.75 }} data-testid="latency-chips">
        {turns.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('latency.empty')}
          </Typography>
        )}
        {turns.map((turn) => (
          <Chip
            key={turn.callerItemId}
            size="small"
            variant={turn.exclusion ? 'outlined' : 'filled'}
            color={turn.latencyMs !== null && turn.latencyMs > 1500 ? 'warning' : 'default'}
            label={
              turn.atEarLatencyMs === null
                ? t('latency.chip', { index: turn.index, latency: formatMs(turn.latencyMs) })
                : t('latency.chipWithEar', {
                    index: turn.index,
                    latency: formatMs(turn.latencyMs),
                    ear: formatMs(turn.atEarLatencyMs)
                  })
            }
            title={
              turn.exclusion
                ? t('latency.notCounted', { reason: t(`latency.exclusion.${turn.exclusion}`) })
                : t('latency.counted')
            }
          />
        ))}
      </Stack>
    </Paper>
  )
}
