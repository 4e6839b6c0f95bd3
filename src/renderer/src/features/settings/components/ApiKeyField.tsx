import { useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { Output } from '@shared/ipc/contract'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'

type SecretName = 'openai' | 'azure' | 'custom'
type SecretsStatus = Output<'secrets.status'>

interface ApiKeyFieldProps {
  name: SecretName
  label: string
  status: SecretsStatus
  onChanged: () => void
}

/**
 * Write-only key entry: the key goes to main, which seals it with the OS key store; the field
 * is cleared at once and the renderer only ever learns whether a key is stored.
 */
export function ApiKeyField({ name, label, status, onChanged }: ApiKeyFieldProps): JSX.Element {
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<IpcError | null>(null)
  const stored = status.stored[name]

  const save = async (): Promise<void> => {
    setError(null)
    try {
      await request('secrets.setApiKey', { name, key: draft })
      setDraft('')
      onChanged()
    } catch (failure) {
      setError(toIpcError('secrets.setApiKey', failure))
    }
  }
  const remove = async (): Promise<void> => {
    setError(null)
    try {
      await request('secrets.clearApiKey', { name })
      onChanged()
    } catch (failure) {
      setError(toIpcError('secrets.clearApiKey', failure))
    }
  }

  if (!status.available)
    return (
      <Alert severity="warning" data-testid="secrets-unavailable">
        Keys cannot be stored on this computer: {status.reason}. Nothing is ever written in plain
        text; the demo agent and the local simulator work without a key.
      </Alert>
    )
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          label={label}
          type="password"
          autoComplete="off"
          size="small"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder={stored ? 'A key is stored: type a new one to replace it' : 'sk-…'}
          sx={{ width: 420 }}
          slotProps={{ htmlInput: { 'data-testid': `api-key-${name}`, spellCheck: false } }}
        />
        <Button variant="contained" disabled={!draft.trim()} onClick={() => void save()}>
          Save key
        </Button>
        {stored && (
          <Button color="error" onClick={() => void remove()}>
            Remove key
          </Button>
        )}
      </Stack>
      <Typography variant="caption" color="text.secondary" data-testid={`api-key-state-${name}`}>
        {stored
          ? `A key is stored, encrypted (${status.backend}). It never leaves the main process.`
          : 'No key stored.'}
      </Typography>
      {error && <IpcErrorAlert error={error} />}
    </Stack>
  )
}
