import type { Events } from '../../shared/ipc/contract'
import type { CallRecorder } from './CallRecorder'

/**
 * Finalizes the calls a crash cut off. Each call has its own try (CallRecorder); a failure of
 * the whole pass (the calls table unreadable) is logged too: the console (or the gateway)
 * starts either way.
 */
export async function recoverCalls(
  recorder: CallRecorder,
  emit: (name: 'sessions.changed', payload: Events['sessions.changed']) => void,
  options: { cutOff?: boolean } = {}
): Promise<void> {
  try {
    const { finalized, failed } = await recorder.recoverUnfinished(options)
    for (const { sessionId, error } of failed)
      console.error(`Recorded call ${sessionId} could not be finalized (kept as failed): ${error}`)
    if (finalized.length > 0)
      emit('sessions.changed', { reason: 'recorded', count: finalized.length })
  } catch (error) {
    console.error('Recovering unfinished calls failed (they stay as recorded):', error)
  }
}
