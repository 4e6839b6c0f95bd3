import type { JSX } from 'react'
import Chip from '@mui/material/Chip'
import { SLOW_P95_MS } from '@shared/sessions/labSchema'

/** P95 in ms; above the lab's threshold it becomes a warning chip. */
export function P95Latency({ valueMs }: { valueMs: number }): JSX.Element {
  if (valueMs <= SLOW_P95_MS) return <>{valueMs}</>
  return (
    <Chip
      size="small"
      color="warning"
      label={valueMs}
      title={`Slow: P95 above ${SLOW_P95_MS} ms`}
      data-testid="slow-p95"
    />
  )
}
