import { useId, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'

/**
 * A yes/no before something that cannot be undone (remove a stored key, a saved password).
 * Cancel is the highlighted, focused default, so Enter or a stray click keeps things as they
 * are; the destructive button is red and must be chosen.
 */
export function ConfirmDialog({
  title,
  body,
  confirm,
  onConfirm,
  onCancel
}: {
  title: string
  body: string
  /** The destructive button's words: the action itself ("Remove key"), not "OK". */
  confirm: string
  onConfirm: () => void
  onCancel: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const titleId = useId()
  const bodyId = useId()
  return (
    <Dialog open onClose={onCancel} aria-labelledby={titleId} aria-describedby={bodyId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText id={bodyId}>{body}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button color="error" onClick={onConfirm}>
          {confirm}
        </Button>
        <Button variant="contained" autoFocus onClick={onCancel}>
          {t('confirm.cancel')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
