import type { JSX, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import AssessmentIcon from '@mui/icons-material/Assessment'
import Inventory2Icon from '@mui/icons-material/Inventory2'
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart'
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk'
import SettingsIcon from '@mui/icons-material/Settings'
import TableRowsIcon from '@mui/icons-material/TableRows'
import GroupsIcon from '@mui/icons-material/Groups'
import Badge from '@mui/material/Badge'
import Box from '@mui/material/Box'
import ListItemButton from '@mui/material/ListItemButton'
import Typography from '@mui/material/Typography'
import { numberFormat } from '@renderer/i18n'
import { HelpButton } from './HelpButton'
import { LanguagePicker } from './LanguagePicker'

export type ScreenId =
  'live' | 'wallboard' | 'monitor' | 'reports' | 'sessions' | 'catalog' | 'settings'

const ENTRIES: { id: ScreenId; icon: ReactNode }[] = [
  { id: 'live', icon: <PhoneInTalkIcon /> },
  { id: 'wallboard', icon: <GroupsIcon /> },
  { id: 'monitor', icon: <MonitorHeartIcon /> },
  { id: 'reports', icon: <AssessmentIcon /> },
  { id: 'sessions', icon: <TableRowsIcon /> },
  { id: 'catalog', icon: <Inventory2Icon /> },
  { id: 'settings', icon: <SettingsIcon /> }
]

interface NavigationRailProps {
  selected: ScreenId
  onSelect: (screen: ScreenId) => void
  /** Screens this console does not offer now (Live calls outside team mode). */
  hidden?: readonly ScreenId[]
  /** Unsettled alerts, as a badge on Monitor (null or 0: none). */
  monitorBadge?: number | null
}

/** The vertical rail of screens: icon over label, as in Material's navigation rail. */
export function NavigationRail({
  selected,
  onSelect,
  hidden = [],
  monitorBadge = null
}: NavigationRailProps): JSX.Element {
  const { t } = useTranslation()
  const badge = monitorBadge
    ? {
        content: monitorBadge,
        label: t('nav.monitorBadge', {
          count: monitorBadge,
          n: numberFormat().format(monitorBadge)
        })
      }
    : null
  return (
    <Box
      component="nav"
      aria-label={t('nav.label')}
      sx={{
        width: 88,
        flexShrink: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: 0.5,
        py: 1.5,
        px: 1,
        // A short window (or long labels) scrolls the rail, never hides its foot.
        overflowY: 'auto',
        bgcolor: 'background.paper',
        borderRight: 1,
        borderColor: 'divider'
      }}
    >
      {ENTRIES.filter((entry) => !hidden.includes(entry.id)).map((entry) => (
        <ListItemButton
          key={entry.id}
          selected={entry.id === selected}
          aria-current={entry.id === selected ? 'page' : undefined}
          data-testid={`rail-${entry.id}`}
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
          {entry.id === 'monitor' && badge ? (
            <Badge
              badgeContent={badge.content}
              color="error"
              max={99}
              data-testid="monitor-badge"
              slotProps={{ badge: { 'aria-label': badge.label } }}
            >
              {entry.icon}
            </Badge>
          ) : (
            entry.icon
          )}
          <Typography
            variant="caption"
            sx={{ fontWeight: 600, lineHeight: 1.2, textAlign: 'center' }}
          >
            {t(`nav.${entry.id}`)}
          </Typography>
        </ListItemButton>
      ))}
      <Box sx={{ flex: 1 }} />
      <HelpButton />
      <LanguagePicker />
    </Box>
  )
}
