import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { Output } from '@shared/ipc/contract'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'
import { useUnsavedChanges } from '@renderer/app/unsavedChanges'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'

type SecretName = 'openai' | 'azure' | 'custom'
type SecretsStatus = Output<'secrets.status'>

interface ApiKeyFieldProps {
  name: SecretName
  /** The endpoint typed above (Azure, custom): the key is bound to its origin. */
  endpoint?: string
  label: string
  status: SecretsStatus
  onChanged: () => void
}

/**
 * Write-only key entry: the key goes to main, which seals it with the OS key store and binds it
 * to the endpoint's origin; the field is cleared at once and the renderer only ever learns
 * whether a key is stored, and for which origin.
 */
export function ApiKeyField({
  name,
  endpoint,
  label,
  status,
  onChanged
}: ApiKeyFieldProps): JSX.Element {
  const { t } = useTranslation('settings')
  const [draft, setDraft] = useState('')
  useUnsavedChanges(draft.trim() !== '', t('unsaved.apiKey'))
  const [error, setError] = useState<IpcError | null>(null)
  const [confirming, setConfirming] = useState(false)
  const stored = status.stored[name]

  const save = async (): Promise<void> => {
    setError(null)
    try {
      await request('secrets.setApiKey', {
        name,
        key: draft,
        ...(endpoint === undefined ? {} : { endpoint })
      })
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
        {t('apiKey.unavailable', { reason: status.reason })}
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
          placeholder={stored ? t('apiKey.placeholderStored') : 'sk-…'}
          sx={{ width: 420 }}
          slotProps={{ htmlInput: { 'data-testid': `api-key-${name}`, spellCheck: false } }}
        />
        <Button variant="contained" disabled={!draft.trim()} onClick={() => void save()}>
          {t('apiKey.save')}
        </Button>
        {stored && (
          <Button color="error" onClick={() => setConfirming(true)}>
            {t('apiKey.remove')}
          </Button>
        )}
        {confirming && (
          <ConfirmDialog
            title={t('apiKey.removeConfirm.title')}
            body={t('apiKey.removeConfirm.body')}
            confirm={t('apiKey.remove')}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false)
              void remove()
            }}
          />
        )}
      </Stack>
      <Typography variant="caption" color="text.secondary" data-testid={`api-key-state-${name}`}>
        {stored ? t('apiKey.stored', { backend: status.backend }) : t('apiKey.none')}
        {stored &&
          ` ${
            status.origins[name] === null
              ? t('apiKey.unbound')
              : t('apiKey.boundTo', { origin: status.origins[name] })
          }`}
      </Typography>
      {error && <IpcErrorAlert error={error} />}
    </Stack>
  )
}
