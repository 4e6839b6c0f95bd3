import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import Typography from '@mui/material/Typography'
import en from '@renderer/i18n/locales/en/glossary.json'
import { collator } from './collator'
import type { GlossaryTerm } from './glossaryTerms'

const TERMS = Object.keys(en.terms) as GlossaryTerm[]

/** Every term the console uses, in plain words, in the reader's alphabetical order. */
export function GlossaryDialog({
  open,
  onClose
}: {
  open: boolean
  onClose: () => void
}): JSX.Element {
  const { t, i18n } = useTranslation('glossary')
  const entries = TERMS.map((term) => ({
    term,
    name: t(`terms.${term}.name`),
    plain: t(`terms.${term}.plain`)
  })).sort((a, b) => collator(i18n.language).compare(a.name, b.name))
  return (
    <Dialog open={open} onClose={onClose} scroll="paper" maxWidth="sm" fullWidth>
      <DialogTitle>{t('ui.title')}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('ui.intro')}
        </Typography>
        <Box component="dl" sx={{ m: 0 }} data-testid="glossary">
          {entries.map(({ term, name, plain }) => (
            <Box key={term} sx={{ mb: 1.5 }}>
              <Typography component="dt" variant="subtitle2">
                {name}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                {plain}
              </Typography>
            </Box>
          ))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('ui.close')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
