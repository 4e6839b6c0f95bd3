import { useEffect, useRef, type JSX } from 'react'
import Box from '@mui/material/Box'
import { currentLevels } from '../store/liveCallStore'

interface LevelMeterProps {
  source: 'mic' | 'remote'
  label: string
}

/**
 * A bar for one audio level. It reads the engine's meter on its own timer and sets the width
 * directly, so 20 updates a second do not re-render the screen.
 */
export function LevelMeter({ source, label }: LevelMeterProps): JSX.Element {
  const bar = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const timer = setInterval(() => {
      // RMS 0.25 (loud speech) fills the bar.
      const width = Math.min(100, currentLevels()[source] * 400)
      if (bar.current) bar.current.style.width = `${width}%`
    }, 50)
    return () => clearInterval(timer)
  }, [source])
  return (
    <Box
      role="meter"
      aria-label={label}
      sx={{ height: 8, borderRadius: 4, bgcolor: 'action.hover', overflow: 'hidden' }}
    >
      <Box
        ref={bar}
        sx={{ height: 1, width: '0%', bgcolor: 'primary.main', transition: 'width 50ms linear' }}
      />
    </Box>
  )
}
