import { useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { BoardSnapshot, LiveCallRow } from '@shared/team/boardSnapshot'
import type { CallCommandDoneEvent } from '@shared/team/teamEvents'
import { useIpcEvent } from '@renderer/app/useIpcEvent'
import { useRequest } from '@renderer/app/useRequest'
import { dateTimeFormat, formatDurationMs, numberFormat, useLabValueLabel } from '@renderer/i18n'
import { useLiveCallsBoard, useSecondsTicker } from '../useLiveCallsBoard'
import { FollowedCallScreen } from '../follow/FollowedCallScreen'
import { GatewayCallActions } from './GatewayCallActions'
import { gatewayCallAbilities } from './gatewayCallAbilities'

const SEVERITY_COLOR = { info: 'info', warning: 'warning', critical: 'error' } as const
const SETTLED = new Set(['dismissed', 'escalated'])

/** The Live calls wallboard: every call in progress across the team, as desks report them. */
export function LiveCallsScreen(): JSX.Element {
  const { t } = useTranslation('monitor')
  const board = useLiveCallsBoard()
  // Takeover is offered to a supervisor's seat (main refuses any other all the same).
  const supervisor = useRequest('settings.get', {}).data?.settings.team.role === 'supervisor'
  const [done, setDone] = useState<CallCommandDoneEvent[]>([])
  useIpcEvent('team.commandDone', (event) => setDone((seen) => [event, ...seen].slice(0, 3)))
  // The call opened from a row (its live view), and the row to focus again on the way back.
  const [following, setFollowing] = useState<string | null>(null)
  const [returnTo, setReturnTo] = useState<string | null>(null)
  const notices = done.map((event) => (
    <Alert
      key={event.commandId}
      severity={event.ok ? 'success' : 'error'}
      data-testid="wallboard-command-done"
      onClose={() => setDone((seen) => seen.filter((e) => e.commandId !== event.commandId))}
    >
      {event.ok
        ? t(`wallboard.commandDone.${event.action}`, { seat: event.bySeat })
        : t('wallboard.commandFailed', {
            action: t(`wallboard.commandAction.${event.action}`),
            reason: event.reason ?? ''
          })}
    </Alert>
  ))
  if (following !== null)
    return (
      <FollowedCallScreen
        key={following}
        sessionId={following}
        row={board?.calls.find((call) => call.sessionId === following) ?? null}
        supervisor={supervisor}
        notices={notices}
        onBack={() => {
          setReturnTo(following)
          setFollowing(null)
        }}
      />
    )
  return (
    <Box
      data-testid="wallboard-screen"
      sx={{
        flex: 1,
        minWidth: 0,
        overflow: 'auto',
        p: 2,
        display: 'flex',
        flexDirection: 'column',
        gap: 2
      }}
    >
      <Box>
        <Typography variant="h5" component="h1">
          {t('wallboard.title')}
        </Typography>
        <Typography color="text.secondary">{t('wallboard.subtitle')}</Typography>
      </Box>
      {notices}
      {board === undefined ? null : board === null ? (
        <Alert severity="info">{t('wallboard.notTeam')}</Alert>
      ) : (
        <BoardTable
          board={board}
          supervisor={supervisor}
          onOpen={setFollowing}
          focusOpen={returnTo}
        />
      )}
    </Box>
  )
}

function BoardTable({
  board,
  supervisor,
  onOpen,
  focusOpen
}: {
  board: BoardSnapshot
  supervisor: boolean
  onOpen: (sessionId: string) => void
  /** The row whose live view was just closed: its Live view button takes the focus back. */
  focusOpen: string | null
}): JSX.Element {
  const { t } = useTranslation('monitor')
  const now = useSecondsTicker()
  // Durations run on between snapshots: the snapshot's figure plus the time since it was taken.
  const since = Math.max(0, now - Date.parse(board.takenAt))
  return (
    <>
      {board.channel !== 'connected' && (
        <Alert
          severity={board.channel === 'reconnecting' ? 'warning' : 'info'}
          data-testid="wallboard-channel"
        >
          {t(`wallboard.channel.${board.channel}`)}
        </Alert>
      )}
      {board.calls.length === 0 ? (
        <Alert severity="info" data-testid="wallboard-empty">
          {t('wallboard.empty')}
        </Alert>
      ) : (
        <Table size="small" data-testid="wallboard-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('wallboard.seat')}</TableCell>
              <TableCell>{t('wallboard.channelColumn')}</TableCell>
              <TableCell align="right">{t('wallboard.duration')}</TableCell>
              <TableCell>{t('wallboard.language')}</TableCell>
              <TableCell align="right">{t('wallboard.turns')}</TableCell>
              <TableCell align="right">{t('wallboard.interruptions')}</TableCell>
              <TableCell align="right">{t('wallboard.p50')}</TableCell>
              <TableCell>{t('wallboard.latestAlert')}</TableCell>
              {supervisor && <TableCell>{t('wallboard.takeOver')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {board.calls.map((row) => (
              <BoardRow
                key={row.sessionId}
                row={row}
                since={since}
                supervisor={supervisor}
                onOpen={() => onOpen(row.sessionId)}
                focusOpen={focusOpen === row.sessionId}
              />
            ))}
          </TableBody>
        </Table>
      )}
    </>
  )
}

function BoardRow({
  row,
  since,
  supervisor,
  onOpen,
  focusOpen
}: {
  row: LiveCallRow
  since: number
  supervisor: boolean
  onOpen: () => void
  focusOpen: boolean
}): JSX.Element {
  const { t } = useTranslation('monitor')
  const valueLabel = useLabValueLabel()
  const n = numberFormat()
  const alert = row.latestAlert
  return (
    <TableRow
      data-testid="wallboard-row"
      data-session-id={row.sessionId}
      sx={row.stale ? { opacity: 0.55 } : undefined}
    >
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {row.seat}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {row.sessionId}
        </Typography>
        <Button
          size="small"
          variant="outlined"
          autoFocus={focusOpen}
          onClick={onOpen}
          title={t('wallboard.follow.openHint')}
          data-testid="wallboard-open"
          sx={{ mt: 0.5 }}
        >
          {t('wallboard.follow.open')}
        </Button>
        {row.stale && (
          <Typography variant="caption" color="warning.main" sx={{ display: 'block' }}>
            {t('wallboard.stale', {
              time: dateTimeFormat({ timeStyle: 'medium' }).format(Date.parse(row.lastHeardAt))
            })}
          </Typography>
        )}
      </TableCell>
      <TableCell data-testid="wallboard-channel-cell">
        <Typography variant="body2">{t(`wallboard.channels.${row.channel}`)}</Typography>
        {row.caller && (
          <Typography variant="caption" color="text.secondary" data-testid="wallboard-caller">
            {row.caller}
          </Typography>
        )}
      </TableCell>
      <TableCell align="right" data-testid="wallboard-duration">
        {formatDurationMs(row.durationMs + (row.stale ? 0 : since))}
      </TableCell>
      <TableCell>{row.language ? valueLabel('language', row.language) : '—'}</TableCell>
      <TableCell align="right">{n.format(row.turns)}</TableCell>
      <TableCell align="right" data-testid="wallboard-interruptions">
        {n.format(row.interruptions)}
      </TableCell>
      <TableCell align="right">
        {row.p50Ms === null
          ? '—'
          : numberFormat({ style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }).format(
              row.p50Ms
            )}
      </TableCell>
      <TableCell data-testid="wallboard-alert">
        {alert ? (
          <Chip
            size="small"
            color={SETTLED.has(alert.status) ? 'default' : SEVERITY_COLOR[alert.severity]}
            label={`${t(`rules.${alert.rule}`)} · ${t(`wallboard.status.${alert.status}`)}`}
          />
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('wallboard.noAlert')}
          </Typography>
        )}
      </TableCell>
      {supervisor && (
        <TableCell>
          {row.channel !== 'desk' && !row.stale && (
            <GatewayCallActions
              sessionId={row.sessionId}
              {...gatewayCallAbilities(row)}
              alertId={alert && !SETTLED.has(alert.status) ? alert.alertId : null}
            />
          )}
        </TableCell>
      )}
    </TableRow>
  )
}
