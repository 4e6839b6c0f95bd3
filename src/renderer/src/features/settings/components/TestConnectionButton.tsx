import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Stack from '@mui/material/Stack'
import type { ConnectionTest } from '@shared/settings/connectionTest'
import { request, toIpcError } from '@renderer/app/ipc'
import { numberFormat } from '@renderer/i18n'

/** Mints a short-lived client secret with the saved settings and key, and says what happened. */
export function TestConnectionButton({ disabled }: { disabled: boolean }): JSX.Element {
  const { t } = useTranslation('settings')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ConnectionTest | null>(null)
  const run = async (): Promise<void> => {
    setBusy(true)
    setResult(null)
    try {
      setResult(await request('settings.testConnection', {}))
    } catch (failure) {
      setResult({
        ok: false,
        kind: 'unreachable',
        message: toIpcError('settings.testConnection', failure).message
      })
    } finally {
      setBusy(false)
    }
  }
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
        <Alert severity={result.ok ? 'success' : 'error'} data-testid="connection-test">
          {result.ok
            ? t('testConnection.connected', {
                model: result.model,
                ms: numberFormat().format(result.ms)
              })
            : result.kind === 'no_key'
              ? t('testConnection.noKey')
              : // Main's words: they carry the service's own answer (status, error text, address).
                result.message}
        </Alert>
      )}
    </Stack>
  )
}
