import { getContrastRatio } from '@mui/material/styles'
import { describe, expect, it } from 'vitest'
import { RULE_IDS } from '@shared/escalation/rules'
import { createAppTheme } from '@renderer/app/theme'
import { chartPaletteOf } from './chartPalette'

const light = chartPaletteOf(createAppTheme('light'))
const dark = chartPaletteOf(createAppTheme('dark'))

// WCAG: 4.5:1 for text, 3:1 for the shapes a chart is read by (bars, lines, points).
const dataColours = (p: typeof dark): Record<string, string> => ({
  p50: p.p50,
  p95: p.p95,
  threshold: p.threshold,
  sessions: p.sessions,
  share: p.share,
  ragUsed: p.ragUsed,
  ragNotUsed: p.ragNotUsed,
  ...Object.fromEntries(
    ['positive', 'neutral', 'negative', 'mixed'].map((s) => [s, p.sentiment(s)])
  ),
  ...Object.fromEntries([...RULE_IDS, 'some_new_rule'].map((r) => [r, p.rule(r)]))
})

describe('chart palette', () => {
  it('draws words and lines on the dark card in light colours, on the white card in dark ones', () => {
    expect(dark.surface).toBe('#1a1f25')
    expect(light.surface).toBe('#ffffff')
    for (const p of [light, dark])
      expect(getContrastRatio(p.text, p.surface)).toBeGreaterThanOrEqual(4.5)
    expect(getContrastRatio(light.text, dark.surface)).toBeLessThan(3)
  })

  it('keeps every bar and line of a chart readable on the dark card', () => {
    const low = Object.entries(dataColours(dark)).filter(
      ([, colour]) => getContrastRatio(colour, dark.surface) < 3
    )
    expect(low).toEqual([])
  })

  it('gives each alert rule its own colour in both schemes', () => {
    for (const p of [light, dark]) {
      const colours = RULE_IDS.map((rule) => p.rule(rule))
      expect(new Set(colours).size).toBe(RULE_IDS.length)
    }
  })
})
