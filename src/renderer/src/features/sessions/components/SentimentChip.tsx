import type { JSX } from 'react'
import Chip, { type ChipProps } from '@mui/material/Chip'

const COLORS: Record<string, ChipProps['color']> = {
  positive: 'success',
  neutral: 'default',
  negative: 'error'
}

/** Sentiment at a glance; values outside the lab's three stay neutral and outlined. */
export function SentimentChip({ sentiment }: { sentiment: string }): JSX.Element {
  const color = COLORS[sentiment]
  return (
    <Chip
      size="small"
      label={sentiment}
      color={color ?? 'default'}
      variant={color && color !== 'default' ? 'filled' : 'outlined'}
    />
  )
}
