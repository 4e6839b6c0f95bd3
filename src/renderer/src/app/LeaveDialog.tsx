import { useId, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'

/**
 * Asked before leaving unsaved edits. Keep editing is the highlighted default (Enter, Escape and
 * a click beside the dialog all keep them); discarding takes a deliberate click.
 */
export function LeaveDialog({
  detail,
  onKeepEditing,
  onDiscard
}: {
  detail: string
  onKeepEditing: () => void
  onDiscard: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const titleId = useId()
  const detailId = useId()
  return (
    <Dialog
      open
      onClose={onKeepEditing}
      aria-labelledby={titleId}
      aria-describedby={detailId}
      data-testid="leave-dialog"
    >
      <DialogTitle id={titleId}>{t('unsaved.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id={detailId}>{detail}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button color="error" onClick={onDiscard}>
          {t('unsaved.discard')}
        </Button>
        <Button variant="contained" autoFocus onClick={onKeepEditing}>
          {t('unsaved.keepEditing')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
