import { useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import { useTranslation } from 'react-i18next'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'
import { InstructDialog } from '@renderer/components/alert-actions'
import type { GatewayCallAction } from '@shared/gateway/callCommands'

type Distribute<T> = T extends unknown ? Omit<T, 'sessionId' | 'alertId'> : never
type ActionInput = Distribute<GatewayCallAction>

/**
 * A supervisor's takeover of a call the call gateway carries, from its wallboard row: instruct
 * the agent, stop it speaking, transfer to a person, end the call. Main records the command and
 * the gateway carries it out; how it went arrives as `team.commandDone` (the screen says so).
 */
export function GatewayCallActions({
  sessionId,
  transferable,
  stoppable,
  alertId
}: {
  sessionId: string
  /** Only a phone call can be handed to a person (SIP's `refer`); a web call cannot. */
  transferable: boolean
  /** GPT-Live has no client event that stops its agent mid-sentence: the button is disabled. */
  stoppable: boolean
  /** The call's latest unsettled alert: a transfer is then logged as its escalation. */
  alertId: number | null
}): JSX.Element {
  const { t } = useTranslation('monitor')
  const [instructing, setInstructing] = useState(false)
  const [sent, setSent] = useState<ActionInput['action'] | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const send = (action: ActionInput): void => {
    setError(null)
    setSent(null)
    request('gateway.act', { sessionId, ...(alertId ? { alertId } : {}), ...action }).then(
      () => setSent(action.action),
      (e: unknown) => setError(toIpcError('gateway.act', e))
    )
  }
  return (
    <Stack spacing={0.5} data-testid="gateway-call-actions">
      <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
        <Button size="small" onClick={() => setInstructing(true)}>
          {t('actions.instructButton')}
        </Button>
        <Button size="small" disabled={!stoppable} onClick={() => send({ action: 'stop_agent' })}>
          {t('actions.stopAgent')}
        </Button>
        {transferable && (
          <Button
            size="small"
            variant="contained"
            color="warning"
            onClick={() => send({ action: 'transfer' })}
          >
            {t('wallboard.transfer')}
          </Button>
        )}
        <Button size="small" color="error" onClick={() => send({ action: 'end_call' })}>
          {t('actions.endCall')}
        </Button>
      </Stack>
      {sent && (
        <Alert severity="info" onClose={() => setSent(null)} data-testid="gateway-call-sent">
          {t('wallboard.commandSent', { action: t(`wallboard.commandAction.${sent}`) })}
        </Alert>
      )}
      {error && <IpcErrorAlert error={error} onClose={() => setError(null)} />}
      <InstructDialog
        open={instructing}
        onClose={() => setInstructing(false)}
        onSend={(instruction) => send({ action: 'instruct', instruction })}
      />
    </Stack>
  )
}
