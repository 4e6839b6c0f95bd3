import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined'
import ListItemButton from '@mui/material/ListItemButton'
import Typography from '@mui/material/Typography'
import { GlossaryDialog } from '@renderer/components/glossary'

/** The rail's Help: the glossary of the console's terms, from any screen. */
export function HelpButton(): JSX.Element {
  const { t } = useTranslation('glossary')
  const [open, setOpen] = useState(false)
  return (
    <>
      <ListItemButton
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="open-glossary"
        // One row, not a screen's icon-over-label: the rail must fit 700 px with every screen.
        sx={{
          flexGrow: 0,
          justifyContent: 'center',
          gap: 0.5,
          py: 0.5,
          px: 0.5,
          mb: 1,
          borderRadius: 2,
          color: 'text.secondary'
        }}
      >
        <HelpOutlineIcon sx={{ fontSize: 20 }} />
        <Typography variant="caption" sx={{ fontWeight: 600, lineHeight: 1.2 }}>
          {t('ui.open')}
        </Typography>
      </ListItemButton>
      <GlossaryDialog open={open} onClose={() => setOpen(false)} />
    </>
  )
}
