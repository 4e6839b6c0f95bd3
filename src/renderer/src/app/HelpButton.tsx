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
        sx={{
          flexDirection: 'column',
          alignItems: 'center',
          gap: 0.25,
          py: 1,
          px: 0.5,
          mb: 1,
          borderRadius: 2,
          color: 'text.secondary'
        }}
      >
        <HelpOutlineIcon />
        <Typography variant="caption" sx={{ fontWeight: 600, lineHeight: 1.2 }}>
          {t('ui.open')}
        </Typography>
      </ListItemButton>
      <GlossaryDialog open={open} onClose={() => setOpen(false)} />
    </>
  )
}
