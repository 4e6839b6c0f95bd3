import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Chip from '@mui/material/Chip'
import { latencyScaleOf, SLOW_P95_MS_BY_SCALE } from '@shared/sessions/latencyScales'
import { formatCount } from './formatFigure'

/**
 * P95 in ms; above its own scale's threshold (a live call's 800 ms to first audio, the lab's
 * 200 ms) it becomes a warning chip.
 */
export function P95Latency({ valueMs, source }: { valueMs: number; source: string }): JSX.Element {
  const { t } = useTranslation('sessions')
  const threshold = SLOW_P95_MS_BY_SCALE[latencyScaleOf(source)]
  const value = formatCount(valueMs)
  if (valueMs <= threshold) return <>{value}</>
  return (
    <Chip
      size="small"
      color="warning"
      label={value}
      title={t('table.slowP95', { threshold })}
      data-testid="slow-p95"
    />
  )
}
