import type { Palette } from '@mui/material/styles'
import type { Severity } from '@shared/escalation/rules'

/**
 * Severity colours shared by the timeline's alert flags and the alert list beside it, from the
 * theme in force: critical is the deepest red on white and the lightest on a dark surface, so
 * it stays the most visible of the three in both.
 */
export function severityColor(palette: Palette, severity: Severity): string {
  switch (severity) {
    case 'info':
      return palette.info.main
    case 'warning':
      return palette.warning.main
    case 'critical':
      return palette.mode === 'dark' ? palette.error.light : palette.error.dark
  }
}
