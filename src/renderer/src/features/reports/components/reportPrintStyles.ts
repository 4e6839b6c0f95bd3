/**
 * Print layout of the Reports screen (Electron's printToPDF and the browser's print use it):
 * the app's fixed-height, scrolling frame is let out to full length, the navigation, footer
 * and on-screen controls are dropped, and no chart card is split across pages.
 */
export const REPORT_PRINT_STYLES = {
  '@media print': {
    'html, body, #root, #root > div, #root > div > div, main, [data-testid="reports-screen"]': {
      height: 'auto !important',
      overflow: 'visible !important',
      display: 'block !important'
    },
    'nav[aria-label="Screens"], footer, [data-print="hide"], .MuiFormControlLabel-root, .MuiButton-root, .MuiIconButton-root':
      { display: 'none !important' },
    '[data-testid^="chart-"]': { breakInside: 'avoid' },
    '@page': { margin: '12mm' }
  }
} as const
