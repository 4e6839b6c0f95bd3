import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Stack from '@mui/material/Stack'
import type { ConnectionTest } from '@shared/settings/connectionTest'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'
import { ipcErrorMessage } from '@renderer/app/ipcErrorText'
import { numberFormat, plainNumber } from '@renderer/i18n'

/** Mints a short-lived client secret with the saved settings and key, and says what happened. */
export function TestConnectionButton({ disabled }: { disabled: boolean }): JSX.Element {
  const { t } = useTranslation('settings')
  const { t: tErrors } = useTranslation('errors')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ConnectionTest | IpcError | null>(null)
  const run = async (): Promise<void> => {
    setBusy(true)
    setResult(null)
    try {
      setResult(await request('settings.testConnection', {}))
    } catch (failure) {
      setResult(toIpcError('settings.testConnection', failure))
    } finally {
      setBusy(false)
    }
  }
  const success = result !== null && !(result instanceof IpcError) && result.ok
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button
        variant="outlined"
        onClick={() => void run()}
        disabled={disabled || busy}
        startIcon={busy ? <CircularProgress size={16} /> : undefined}
      >
        {t('testConnection.button')}
      </Button>
      {result && (
        <Alert severity={success ? 'success' : 'error'} data-testid="connection-test">
          {result instanceof IpcError ? ipcErrorMessage(result, tErrors) : outcomeText(result, t)}
        </Alert>
      )}
    </Stack>
  )
}

/**
 * The outcome in the UI language. The service's own words (its error text, Node's network
 * reason) are quoted as they came; main's English `message` is kept for an outcome without
 * the fields to word it.
 */
function outcomeText(result: ConnectionTest, t: TFunction<'settings'>): string {
  if (result.ok)
    return t(
      result.modelChecked === false
        ? 'testConnection.connectedKeyOnly'
        : 'testConnection.connected',
      { model: result.model, ms: numberFormat().format(result.ms) }
    )
  switch (result.kind) {
    case 'no_key':
      return t('testConnection.noKey')
    case 'bad_key':
    case 'refused': {
      if (result.status === undefined) return result.message
      const key = result.kind === 'bad_key' ? 'badKey' : 'refused'
      const status = plainNumber(result.status)
      return result.detail
        ? t(`connection.${key}Detail`, { status, detail: result.detail })
        : t(`connection.${key}`, { status })
    }
    case 'unreachable':
      if (result.origin === undefined || result.cause === undefined) return result.message
      return t('connection.unreachable', { origin: result.origin, cause: result.cause })
    case 'key_origin':
      if (result.origin === undefined || result.keyOrigin === undefined) return result.message
      return result.keyOrigin === null
        ? t('connection.keyUnbound', { origin: result.origin })
        : t('connection.keyOrigin', { origin: result.origin, keyOrigin: result.keyOrigin })
  }
}
