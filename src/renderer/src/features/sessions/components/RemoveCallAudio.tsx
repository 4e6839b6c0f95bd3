import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Button from '@mui/material/Button'
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined'
import type { CallAudioRemoval } from '@shared/live-call/callAudio'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { formatDurationMs } from '@renderer/i18n'

/**
 * "Delete audio…": asks first (Cancel is the default), then deletes the call's recorded audio
 * for good (`recording.removeAudio`). The session, transcript and alerts stay; main refuses a
 * call still being recorded, and in team mode any seat but a supervisor's, and says why.
 */
export function RemoveCallAudio({
  sessionId,
  durationMs,
  onRemoved
}: {
  sessionId: string
  durationMs: number
  onRemoved: (removal: CallAudioRemoval) => void
}): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<IpcError | null>(null)

  const remove = async (): Promise<void> => {
    setAsking(false)
    setBusy(true)
    setError(null)
    try {
      const { removedBy, removedAt } = await request('recording.removeAudio', { sessionId })
      onRemoved({ removedBy, removedAt })
    } catch (failure) {
      setError(toIpcError('recording.removeAudio', failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button
        size="small"
        color="error"
        startIcon={<DeleteOutlineIcon />}
        disabled={busy}
        onClick={() => setAsking(true)}
        sx={{ alignSelf: 'flex-start' }}
        data-testid="remove-call-audio"
      >
        {t('audio.remove')}
      </Button>
      {error && <IpcErrorAlert error={error} />}
      {asking && (
        <ConfirmDialog
          title={t('audio.removeTitle')}
          body={t('audio.removeBody', { duration: formatDurationMs(durationMs) })}
          confirm={t('audio.removeConfirm')}
          onConfirm={() => void remove()}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  )
}
