import type { JSX } from 'react'
import Chip, { type ChipProps } from '@mui/material/Chip'
import { useLabValueLabel } from '@renderer/i18n'

const COLORS: Record<string, ChipProps['color']> = {
  positive: 'success',
  neutral: 'default',
  negative: 'error'
}

/** Sentiment at a glance; values outside the lab's three stay neutral, outlined and as stored. */
export function SentimentChip({ sentiment }: { sentiment: string }): JSX.Element {
  const label = useLabValueLabel()
  const color = COLORS[sentiment]
  return (
    <Chip
      size="small"
      label={label('sentiment', sentiment)}
      color={color ?? 'default'}
      variant={color && color !== 'default' ? 'filled' : 'outlined'}
      data-sentiment={sentiment}
    />
  )
}
