import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown'
import FileDownloadIcon from '@mui/icons-material/FileDownload'
import Button from '@mui/material/Button'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'

interface ExportMenuProps {
  busy: boolean
  onExport: (extended: boolean) => void
}

/** Lab-schema CSV for the lab's notebooks, or with the console's live-call columns appended. */
export function ExportMenu({ busy, onExport }: ExportMenuProps): JSX.Element {
  const { t } = useTranslation('sessions')
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const choose = (extended: boolean): void => {
    setAnchor(null)
    onExport(extended)
  }
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<FileDownloadIcon />}
        endIcon={<ArrowDropDownIcon />}
        disabled={busy}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {t('exportMenu.button')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => choose(false)}>
          <ListItemText primary={t('exportMenu.labSchema')} />
        </MenuItem>
        <MenuItem onClick={() => choose(true)}>
          <ListItemText primary={t('exportMenu.withLiveColumns')} />
        </MenuItem>
      </Menu>
    </>
  )
}
