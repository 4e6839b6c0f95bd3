import { alpha, type Theme } from '@mui/material/styles'

/** Chart colours from the theme in force, so every chart reads on a light or a dark surface. */
export interface ChartPalette {
  p50: string
  p95: string
  maxP95: string
  threshold: string
  sessions: string
  share: string
  ragUsed: string
  ragNotUsed: string
  /** Grid lines, tick and axis titles, legend labels. */
  grid: string
  text: string
  /** The card behind the canvas (a saved PNG is filled with it: canvases are transparent). */
  surface: string
  /** A sentiment's bar: its meaning's colour for the lab's three, a neutral blue for others. */
  sentiment: (sentiment: string) => string
  /** An alert rule's bar, the same rule in the same colour in every chart. */
  rule: (rule: string) => string
}

// In dark, the lighter shade of each hue: the main shades are made for white paper.
const shade = (theme: Theme, colour: keyof Pick<Theme['palette'], 'warning' | 'error'>): string =>
  theme.palette.mode === 'dark' ? theme.palette[colour].light : theme.palette[colour].dark

export function chartPaletteOf(theme: Theme): ChartPalette {
  const { palette } = theme
  const dark = palette.mode === 'dark'
  const grey = (light: 400 | 500 | 600, darkShade: 500 | 600 | 700): string =>
    palette.grey[dark ? darkShade : light]
  const sentiments: Record<string, string> = {
    positive: palette.success.main,
    neutral: grey(500, 500),
    negative: palette.error.main
  }
  const rules: Record<string, string> = {
    interruptions_total: palette.warning.main,
    interruptions_burst: dark ? palette.warning.dark : palette.warning.light,
    human_request: shade(theme, 'error'),
    negative_sentiment: dark ? '#ce93d8' : '#6a1b9a',
    latency: palette.info.main,
    tool_trouble: palette.success.main
  }
  return {
    p50: palette.primary.main,
    p95: shade(theme, 'warning'),
    maxP95: alpha(shade(theme, 'warning'), 0.45),
    threshold: palette.error.main,
    sessions: palette.primary.main,
    share: palette.error.main,
    ragUsed: palette.secondary.main,
    ragNotUsed: grey(400, 600),
    grid: palette.divider,
    text: palette.text.secondary,
    surface: palette.background.paper,
    sentiment: (sentiment) => sentiments[sentiment] ?? palette.info.main,
    rule: (rule) => rules[rule] ?? grey(600, 500)
  }
}
