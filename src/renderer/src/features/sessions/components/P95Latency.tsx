import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Chip from '@mui/material/Chip'
import { SLOW_P95_MS } from '@shared/sessions/labSchema'
import { formatCount } from './formatFigure'

/** P95 in ms; above the lab's threshold it becomes a warning chip. */
export function P95Latency({ valueMs }: { valueMs: number }): JSX.Element {
  const { t } = useTranslation('sessions')
  const value = formatCount(valueMs)
  if (valueMs <= SLOW_P95_MS) return <>{value}</>
  return (
    <Chip
      size="small"
      color="warning"
      label={value}
      title={t('table.slowP95', { threshold: SLOW_P95_MS })}
      data-testid="slow-p95"
    />
  )
}
