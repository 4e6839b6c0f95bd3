import type { ServerItem } from '../../../shared/realtime/serverEvents'
import { type ApiErrorBody, invalidRequest } from '../protocol/apiErrors'

interface AudioItem {
  item: ServerItem
  /** Audio generated for the item so far (less than the answer when it was cancelled). */
  audioMs: () => number
}

export type TruncateOutcome =
  { ok: true; audioMs: number } | { ok: false; error: ApiErrorBody & { event_id?: null } }

/**
 * The assistant's audio messages, for `conversation.item.truncate`: the client says how much
 * it played, and the item keeps that much audio and loses its transcript (unheard text must not
 * stay in the context).
 */
export class AssistantAudioItems {
  private readonly items = new Map<string, AudioItem>()

  add(item: ServerItem, audioMs: () => number): void {
    this.items.set(item.id, { item, audioMs })
  }

  truncate(
    request: { item_id: string; content_index: number; audio_end_ms: number },
    inConversation: boolean
  ): TruncateOutcome {
    const entry = this.items.get(request.item_id)
    if (!entry && !inConversation)
      return refuse(
        invalidRequest('invalid_value', `Item with id '${request.item_id}' not found.`, 'item_id')
      )
    if (!entry || request.content_index !== 0)
      return refuse(
        invalidRequest(
          'unsupported_content_type',
          'Only model output audio messages can be truncated',
          request.content_index !== 0 && entry ? 'content_index' : 'item_id'
        )
      )
    const audioMs = Math.round(entry.audioMs())
    if (request.audio_end_ms > audioMs)
      // The API answers this one with a null event_id (reported by client authors).
      return {
        ok: false,
        error: {
          ...invalidRequest(
            'invalid_value',
            `Audio content of ${audioMs}ms is already shorter than ${request.audio_end_ms}ms`,
            'audio_end_ms'
          ),
          event_id: null
        }
      }
    entry.item.content = [{ type: 'output_audio', transcript: null }]
    entry.audioMs = () => request.audio_end_ms
    return { ok: true, audioMs }
  }
}

function refuse(error: ApiErrorBody): TruncateOutcome {
  return { ok: false, error }
}
