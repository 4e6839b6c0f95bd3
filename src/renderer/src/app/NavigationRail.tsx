import type { JSX } from 'react'
import type { ReactNode } from 'react'
import AssessmentIcon from '@mui/icons-material/Assessment'
import Inventory2Icon from '@mui/icons-material/Inventory2'
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart'
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk'
import SettingsIcon from '@mui/icons-material/Settings'
import TableRowsIcon from '@mui/icons-material/TableRows'
import Box from '@mui/material/Box'
import ListItemButton from '@mui/material/ListItemButton'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'

export type ScreenId = 'live' | 'monitor' | 'reports' | 'sessions' | 'catalog' | 'settings'

interface RailEntry {
  id: ScreenId
  label: string
  icon: ReactNode
  available: boolean
}

// Screens still to come stay visible (and disabled) so users see where the console is going.
const ENTRIES: RailEntry[] = [
  { id: 'live', label: 'Live call', icon: <PhoneInTalkIcon />, available: true },
  { id: 'monitor', label: 'Monitor', icon: <MonitorHeartIcon />, available: true },
  { id: 'reports', label: 'Reports', icon: <AssessmentIcon />, available: true },
  { id: 'sessions', label: 'Sessions', icon: <TableRowsIcon />, available: true },
  { id: 'catalog', label: 'Catalog', icon: <Inventory2Icon />, available: true },
  { id: 'settings', label: 'Settings', icon: <SettingsIcon />, available: true }
]

export const NOT_YET_AVAILABLE = 'Arrives with a later release'

interface NavigationRailProps {
  selected: ScreenId
  onSelect: (screen: ScreenId) => void
}

/** The vertical rail of screens: icon over label, as in Material's navigation rail. */
export function NavigationRail({ selected, onSelect }: NavigationRailProps): JSX.Element {
  return (
    <Box
      component="nav"
      aria-label="Screens"
      sx={{
        width: 88,
        flexShrink: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: 0.5,
        py: 1.5,
        px: 1,
        bgcolor: 'background.paper',
        borderRight: 1,
        borderColor: 'divider'
      }}
    >
      {ENTRIES.map((entry) => {
        const button = (
          <ListItemButton
            selected={entry.id === selected}
            disabled={!entry.available}
            aria-current={entry.id === selected ? 'page' : undefined}
            onClick={() => onSelect(entry.id)}
            sx={{
              flexDirection: 'column',
              alignItems: 'center',
              gap: 0.25,
              py: 1,
              px: 0.5,
              borderRadius: 2,
              color: 'text.secondary',
              '&.Mui-selected': { color: 'primary.main' }
            }}
          >
            {entry.icon}
            <Typography variant="caption" sx={{ fontWeight: 600, lineHeight: 1.2 }}>
              {entry.label}
            </Typography>
          </ListItemButton>
        )
        if (entry.available) return <Box key={entry.id}>{button}</Box>
        // A disabled button fires no pointer events, so the tooltip listens on a wrapper.
        return (
          <Tooltip key={entry.id} title={NOT_YET_AVAILABLE} placement="right">
            <Box component="span" sx={{ display: 'block' }} data-testid={`rail-${entry.id}`}>
              {button}
            </Box>
          </Tooltip>
        )
      })}
    </Box>
  )
}
