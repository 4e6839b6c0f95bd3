import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { Output } from '@shared/ipc/contract'
import { teamServer, type TeamConnection } from '@shared/settings/teamSettings'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'
import { useUnsavedChanges } from '@renderer/app/unsavedChanges'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'

export type TeamStatus = Output<'team.status'>

/**
 * Write-only password entry: main seals it for the server typed above (host:port) and clears
 * the field; the renderer only learns which server a password is saved for.
 */
export function TeamPasswordField({
  connection,
  status,
  onChanged
}: {
  connection: TeamConnection
  status: TeamStatus
  onChanged: () => void
}): JSX.Element {
  const { t } = useTranslation('settings')
  const [draft, setDraft] = useState('')
  useUnsavedChanges(draft !== '', t('unsaved.teamPassword'))
  const [error, setError] = useState<IpcError | null>(null)
  const [confirming, setConfirming] = useState(false)
  const current = teamServer(connection)
  const savedHere = status.passwordServer === current

  const save = async (): Promise<void> => {
    setError(null)
    try {
      await request('team.setPassword', {
        password: draft,
        server: { host: connection.host, port: connection.port }
      })
      setDraft('')
      onChanged()
    } catch (failure) {
      setError(toIpcError('team.setPassword', failure))
    }
  }
  const remove = async (): Promise<void> => {
    setError(null)
    try {
      await request('team.clearPassword', {})
      onChanged()
    } catch (failure) {
      setError(toIpcError('team.clearPassword', failure))
    }
  }

  if (!status.available)
    return (
      <Alert severity="warning" data-testid="team-password-unavailable">
        {t('team.password.unavailable', { reason: status.reason })}
      </Alert>
    )
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          label={t('team.password.label')}
          type="password"
          autoComplete="off"
          size="small"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder={savedHere ? t('team.password.placeholderSaved') : ''}
          sx={{ width: 320 }}
          slotProps={{ htmlInput: { 'data-testid': 'team-password', spellCheck: false } }}
        />
        <Button
          variant="contained"
          disabled={!draft || !connection.host}
          onClick={() => void save()}
        >
          {t('team.password.save')}
        </Button>
        {status.passwordServer !== null && (
          <Button color="error" onClick={() => setConfirming(true)}>
            {t('team.password.remove')}
          </Button>
        )}
        {confirming && (
          <ConfirmDialog
            title={t('team.password.removeConfirm.title')}
            body={t('team.password.removeConfirm.body')}
            confirm={t('team.password.remove')}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false)
              void remove()
            }}
          />
        )}
      </Stack>
      <Typography variant="caption" color="text.secondary" data-testid="team-password-state">
        {status.passwordServer === null
          ? t('team.password.none')
          : savedHere
            ? t('team.password.savedFor', { server: current })
            : t('team.password.savedForOther', { server: status.passwordServer, current })}
      </Typography>
      {error && <IpcErrorAlert error={error} />}
    </Stack>
  )
}
