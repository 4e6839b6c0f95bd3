import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { TeamConnectionTest } from '@shared/settings/teamConnectionTest'
import type { TeamConnection, TeamRole } from '@shared/settings/teamSettings'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'
import { teamTestLines } from './teamTestText'

/** Connects to the team database with the fields as typed (saved or not) and says what it found. */
export function TeamTestButton({
  connection,
  role,
  disabled
}: {
  connection: TeamConnection
  role: TeamRole
  disabled: boolean
}): JSX.Element {
  const { t } = useTranslation('settings')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ test: TeamConnectionTest; role: TeamRole } | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const run = async (): Promise<void> => {
    setBusy(true)
    setResult(null)
    setError(null)
    try {
      setResult({ test: await request('team.testConnection', { connection, role }), role })
    } catch (failure) {
      setError(toIpcError('team.testConnection', failure))
    } finally {
      setBusy(false)
    }
  }
  const severity = !result?.test.ok
    ? 'error'
    : result.test.problems.length > 0 || result.test.schema.state === 'newer'
      ? 'warning'
      : 'success'
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button
        variant="outlined"
        onClick={() => void run()}
        disabled={disabled || busy}
        startIcon={busy ? <CircularProgress size={16} /> : undefined}
      >
        {t('team.test.button')}
      </Button>
      {result && (
        <Alert severity={severity} data-testid="team-connection-test">
          {teamTestLines(result.test, connection, result.role, t).map((line) => (
            <Typography key={line} variant="body2">
              {line}
            </Typography>
          ))}
        </Alert>
      )}
      {error && <IpcErrorAlert error={error} />}
    </Stack>
  )
}
