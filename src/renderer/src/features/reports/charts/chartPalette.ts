import { alpha } from '@mui/material/styles'
import { theme } from '@renderer/app/theme'

const { palette } = theme

/** Chart colours from the app's one theme. */
export const chartPalette = {
  p50: palette.primary.main,
  p95: palette.warning.dark,
  maxP95: alpha(palette.warning.dark, 0.45),
  threshold: palette.error.main,
  sessions: palette.primary.main,
  share: palette.error.main,
  ragUsed: palette.secondary.main,
  ragNotUsed: palette.grey[400],
  grid: palette.divider,
  text: palette.text.secondary
}

const SENTIMENT_COLORS: Record<string, string> = {
  positive: palette.success.main,
  neutral: palette.grey[500],
  negative: palette.error.main
}
/** Sentiments the lab knows get their meaning's colour; others a neutral blue. */
export const sentimentColor = (sentiment: string): string =>
  SENTIMENT_COLORS[sentiment] ?? palette.info.main
