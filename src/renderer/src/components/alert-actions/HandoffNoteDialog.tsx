import { useCallback, useEffect, useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'

type CopyState = 'copying' | 'copied' | 'refused'

/**
 * The handoff note main wrote on escalation, copied to the clipboard as it opens. The
 * clipboard can refuse (no permission, window not focused): the note stays on screen to be
 * selected by hand, and Copy tries again.
 */
export function HandoffNoteDialog({
  note,
  onClose
}: {
  note: string | null
  onClose: () => void
}): JSX.Element {
  const { t } = useTranslation('monitor')
  // The outcome of the last copy, for the note it was of: a new note reads as "copying".
  const [result, setResult] = useState<{ note: string; copy: CopyState } | null>(null)
  const copyNote = useCallback((text: string): void => {
    // navigator.clipboard is missing outside secure contexts: the same as a refusal.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(text))
      .then(
        () => setResult({ note: text, copy: 'copied' }),
        () => setResult({ note: text, copy: 'refused' })
      )
  }, [])
  useEffect(() => {
    if (note !== null) copyNote(note)
  }, [note, copyNote])
  const copy: CopyState = result && result.note === note ? result.copy : 'copying'
  return (
    <Dialog open={note !== null} onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('actions.handoff.title')}</DialogTitle>
      <DialogContent>
        {copy !== 'copying' && (
          <Alert
            severity={copy === 'copied' ? 'success' : 'warning'}
            sx={{ mb: 2 }}
            data-testid="handoff-copy-status"
          >
            {t(`actions.handoff.${copy}`)}
          </Alert>
        )}
        <Typography
          component="pre"
          data-testid="handoff-note"
          sx={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace', fontSize: 13, m: 0 }}
        >
          {note}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => note !== null && copyNote(note)}>{t('actions.handoff.copy')}</Button>
        <Button variant="contained" onClick={onClose}>
          {t('actions.close')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
