import { useState, type JSX } from 'react'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import type { KeyOriginChange } from '../hooks/useSettingsForm'

export type KeyForNewOrigin = { apiKey: string } | { confirmOrigin: string }

/**
 * Asked before a save would send a stored key to another origin: type the key for the new host,
 * or confirm, by its name, that the stored key may go there. Main refuses the save otherwise.
 */
export function KeyOriginDialog({
  change,
  onClose,
  onChoose
}: {
  change: KeyOriginChange
  onClose: () => void
  onChoose: (choice: KeyForNewOrigin) => void
}): JSX.Element {
  const { t } = useTranslation('settings')
  const [key, setKey] = useState('')
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="key-origin-dialog">
      <DialogTitle>{t('keyOrigin.title', { to: change.to })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>
            {change.from === null
              ? t('keyOrigin.unbound', { to: change.to })
              : t('keyOrigin.moved', { from: change.from, to: change.to })}
          </DialogContentText>
          <TextField
            label={t('keyOrigin.keyFor', { to: change.to })}
            type="password"
            autoComplete="off"
            size="small"
            value={key}
            onChange={(event) => setKey(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'key-origin-key', spellCheck: false } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('keyOrigin.cancel')}</Button>
        <Button color="warning" onClick={() => onChoose({ confirmOrigin: change.to })}>
          {t('keyOrigin.confirm', { to: change.to })}
        </Button>
        <Button
          variant="contained"
          disabled={key.trim() === ''}
          onClick={() => onChoose({ apiKey: key.trim() })}
        >
          {t('keyOrigin.saveWithKey')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
