import { useId, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import ViewColumnIcon from '@mui/icons-material/ViewColumn'
import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import Divider from '@mui/material/Divider'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import type { ShownColumns } from '../hooks/useShownColumns'
import { SESSION_COLUMNS } from './sessionColumns'

/**
 * Which columns the table shows, kept for this desk. A menu: the arrow keys move through the
 * columns, Enter or Space ticks one, Escape closes it and gives the focus back to the button.
 */
export function ColumnChooser({ shown }: { shown: ShownColumns }): JSX.Element {
  const { t } = useTranslation('sessions')
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const menuId = useId()
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<ViewColumnIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? true : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        data-testid="column-chooser"
      >
        {t('chooser.button')}
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { 'aria-label': t('chooser.title'), dense: true } }}
      >
        {SESSION_COLUMNS.map(({ key }) => {
          const checked = shown.keys.includes(key)
          const fixed = key === 'session_id'
          return (
            <MenuItem
              key={key}
              role="menuitemcheckbox"
              aria-checked={checked}
              disabled={fixed}
              onClick={() => shown.toggle(key)}
            >
              <ListItemIcon>
                <Checkbox
                  size="small"
                  checked={checked}
                  tabIndex={-1}
                  disableRipple
                  sx={{ p: 0 }}
                  slotProps={{ input: { 'aria-hidden': true } }}
                />
              </ListItemIcon>
              <ListItemText
                primary={t(`columns.${key}`)}
                secondary={fixed ? t('chooser.always') : undefined}
              />
            </MenuItem>
          )
        })}
        <Divider />
        <MenuItem onClick={shown.reset}>
          <ListItemText inset primary={t('chooser.reset')} />
        </MenuItem>
      </Menu>
    </>
  )
}
