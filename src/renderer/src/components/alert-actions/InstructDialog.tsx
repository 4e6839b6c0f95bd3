import { useState, type JSX } from 'react'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import { MAX_INSTRUCTION_CHARS } from '@shared/escalation/alertRecords'
import { CANNED_INSTRUCTIONS, type CannedInstruction } from './cannedInstructions'

const PRESETS = Object.keys(CANNED_INSTRUCTIONS) as CannedInstruction[]

/** Pick a canned instruction for the agent, or write one; sending closes the dialog. */
export function InstructDialog({
  open,
  onClose,
  onSend
}: {
  open: boolean
  onClose: () => void
  onSend: (instruction: string) => void
}): JSX.Element {
  const { t } = useTranslation('monitor')
  const [text, setText] = useState('')
  const send = (instruction: string): void => {
    onSend(instruction)
    setText('')
    onClose()
  }
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('actions.instruct.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            {PRESETS.map((preset) => (
              <Button
                key={preset}
                variant="outlined"
                onClick={() => send(CANNED_INSTRUCTIONS[preset])}
              >
                {t(`actions.instruct.presets.${preset}`)}
              </Button>
            ))}
          </Stack>
          <TextField
            label={t('actions.instruct.custom')}
            multiline
            minRows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            slotProps={{ htmlInput: { maxLength: MAX_INSTRUCTION_CHARS } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('actions.cancel')}</Button>
        <Button variant="contained" disabled={text.trim() === ''} onClick={() => send(text.trim())}>
          {t('actions.instruct.send')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
