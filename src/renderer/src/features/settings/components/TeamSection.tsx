import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import {
  SSL_MODES,
  TEAM_MODES,
  TEAM_ROLES,
  TeamSettingsSchema,
  type TeamConnection,
  type TeamSettings
} from '@shared/settings/teamSettings'
import { parseTeamUrl, teamUrlWithoutPassword } from '@shared/settings/teamUrl'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'
import { GatewayEngineField } from './GatewayEngineField'
import { TeamPasswordField, type TeamStatus } from './TeamPasswordField'
import { TeamTestButton } from './TeamTestButton'

/**
 * Settings → Team: this desk only (SQLite) or the team's PostgreSQL, its connection (fields, or
 * filled in from a pasted URL whose password goes straight to main's sealed store), the
 * password (write-only), this desk's seat and role, Test connection, and (on the team database)
 * the voice engine of the team's gateway calls.
 */
export function TeamSection({
  value,
  onChange
}: {
  value: TeamSettings
  onChange: (team: TeamSettings) => void
}): JSX.Element {
  const { t } = useTranslation('settings')
  const [status, setStatus] = useState<TeamStatus>()
  const [statusVersion, setStatusVersion] = useState(0)
  const [error, setError] = useState<IpcError | null>(null)
  const [url, setUrl] = useState('')
  const [urlProblem, setUrlProblem] = useState<string | null>(null)

  useEffect(() => {
    request('team.status', {}).then(setStatus, (failure: unknown) =>
      setError(toIpcError('team.status', failure))
    )
  }, [statusVersion])

  const { connection } = value
  const edit = (change: Partial<TeamConnection>): void =>
    onChange({ ...value, connection: { ...connection, ...change } })
  const fillFromUrl = async (): Promise<void> => {
    const parsed = parseTeamUrl(url)
    if ('error' in parsed) {
      setUrlProblem(parsed.error)
      return
    }
    // The URL (and any password in it) leaves the field at once; only main keeps the password.
    setUrl('')
    setUrlProblem(null)
    onChange({ ...value, connection: parsed.connection })
    if (parsed.password === null) return
    try {
      await request('team.setPassword', {
        password: parsed.password,
        server: { host: parsed.connection.host, port: parsed.connection.port }
      })
    } catch (failure) {
      setError(toIpcError('team.setPassword', failure))
    }
    setStatusVersion((v) => v + 1)
  }
  const valid = TeamSettingsSchema.safeParse(value).success

  return (
    <Stack spacing={2} data-testid="team-section">
      <TextField
        select
        label={t('team.mode.label')}
        size="small"
        value={value.mode}
        onChange={(event) =>
          onChange({ ...value, mode: event.target.value as TeamSettings['mode'] })
        }
        sx={{ minWidth: 420, maxWidth: '100%' }}
        slotProps={{ htmlInput: { 'data-testid': 'team-mode' } }}
      >
        {TEAM_MODES.map((mode) => (
          <MenuItem key={mode} value={mode}>
            {t(`team.mode.${mode}`)}
          </MenuItem>
        ))}
      </TextField>
      {error && <IpcErrorAlert error={error} />}
      {value.mode === 'desk' ? (
        <Typography variant="body2" color="text.secondary">
          {t('team.deskHelp')}
        </Typography>
      ) : (
        <>
          <Alert severity="info" data-testid="team-preview-notice">
            {t('team.previewNotice')}
          </Alert>
          {status?.database.fallbackReason && (
            <Alert severity="warning" data-testid="team-database-fallback">
              {status.database.fallbackReason}
            </Alert>
          )}
          {status?.database.unreachableReason && (
            <Alert severity="warning" data-testid="team-database-unreachable">
              {status.database.unreachableReason}
            </Alert>
          )}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              label={t('team.url.label')}
              size="small"
              type="password"
              autoComplete="off"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              error={urlProblem !== null}
              helperText={
                urlProblem === null ? undefined : t('team.url.invalid', { reason: urlProblem })
              }
              sx={{ width: 420 }}
              slotProps={{ htmlInput: { 'data-testid': 'team-url', spellCheck: false } }}
            />
            <Button disabled={!url.trim()} onClick={() => void fillFromUrl()}>
              {t('team.url.use')}
            </Button>
          </Stack>
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
            <TextField
              label={t('team.host')}
              size="small"
              value={connection.host}
              onChange={(event) => edit({ host: event.target.value })}
              sx={{ width: 260 }}
            />
            <TextField
              label={t('team.port')}
              size="small"
              type="number"
              value={connection.port}
              onChange={(event) => edit({ port: Number(event.target.value) })}
              sx={{ width: 110 }}
            />
            <TextField
              label={t('team.database')}
              size="small"
              value={connection.database}
              onChange={(event) => edit({ database: event.target.value })}
              sx={{ width: 200 }}
            />
            <TextField
              label={t('team.user')}
              size="small"
              value={connection.user}
              onChange={(event) => edit({ user: event.target.value })}
              sx={{ width: 200 }}
            />
          </Stack>
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
            <TextField
              select
              label={t('team.sslmode.label')}
              size="small"
              value={connection.sslmode}
              onChange={(event) =>
                edit({ sslmode: event.target.value as TeamConnection['sslmode'] })
              }
              sx={{ width: 420 }}
            >
              {SSL_MODES.map((mode) => (
                <MenuItem key={mode} value={mode}>
                  {t(`team.sslmode.${mode}`)}
                </MenuItem>
              ))}
            </TextField>
            {connection.sslmode === 'verify-full' && (
              <TextField
                label={t('team.caFile')}
                helperText={t('team.caFileHelp')}
                size="small"
                value={connection.caFile}
                onChange={(event) => edit({ caFile: event.target.value })}
                sx={{ width: 360 }}
              />
            )}
          </Stack>
          <Typography variant="caption" color="text.secondary" data-testid="team-url-shown">
            {t('team.url.shown', { url: teamUrlWithoutPassword(connection) })}
          </Typography>
          {status && (
            <TeamPasswordField
              connection={connection}
              status={status}
              onChanged={() => setStatusVersion((v) => v + 1)}
            />
          )}
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
            <TextField
              label={t('team.seat')}
              size="small"
              value={value.seat}
              placeholder={status?.defaultSeat}
              helperText={status ? t('team.seatHelp', { seat: status.defaultSeat }) : undefined}
              onChange={(event) => onChange({ ...value, seat: event.target.value })}
              sx={{ width: 260 }}
              slotProps={{ htmlInput: { 'data-testid': 'team-seat' } }}
            />
            <TextField
              select
              label={t('team.role.label')}
              size="small"
              value={value.role}
              onChange={(event) =>
                onChange({ ...value, role: event.target.value as TeamSettings['role'] })
              }
              sx={{ width: 200 }}
              slotProps={{ htmlInput: { 'data-testid': 'team-role' } }}
            >
              {TEAM_ROLES.map((role) => (
                <MenuItem key={role} value={role}>
                  {t(`team.role.${role}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {t('team.roleHelp')}
          </Typography>
          <TeamTestButton connection={connection} role={value.role} disabled={!valid} />
          {/* The team's, read from the team database: only when this run records there. */}
          {status?.database.backend === 'postgres' && <GatewayEngineField />}
        </>
      )}
    </Stack>
  )
}
