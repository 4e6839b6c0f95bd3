import type { JSX, ReactNode } from 'react'
import Box from '@mui/material/Box'

/** The report's chart cards side by side, as many 520 px columns as the window holds. */
export function ChartGrid({ children }: { children: ReactNode }): JSX.Element {
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(520px, 1fr))', gap: 2 }}
    >
      {children}
    </Box>
  )
}
