import {
  CALL_LABELS_FORMAT,
  CALL_LABELS_INSTRUCTIONS,
  CallLabelsSchema,
  transcriptText,
  type CallLabels,
  type LexiconReason,
  type TranscriptLine
} from '../../shared/classify/modelLabels'
import { byModel, type LabelledBy } from './labelledBy'
import type { LabellingChoice } from './labellingModel'

export interface CallLabelling {
  /** The model's labels; null: the offline lexicons label the call. */
  labels: CallLabels | null
  labelledBy: LabelledBy
  /** Why the lexicons labelled it; null when the model did or the lexicons were chosen. */
  reason: Exclude<LexiconReason, 'chosen'> | null
  /** The model's error, when it failed. */
  error: string | null
}

/**
 * A recorded call's sentiment and scenario from the labelling model, or why not. Never
 * throws: any failure (network, key, refusal, off-schema answer) leaves the lexicons to it.
 */
export async function labelCall(
  choice: LabellingChoice,
  lines: readonly TranscriptLine[]
): Promise<CallLabelling> {
  if (choice.kind === 'lexicon')
    return {
      labels: null,
      labelledBy: 'lexicon',
      reason: choice.reason === 'chosen' ? null : choice.reason,
      error: null
    }
  if (!lines.some((line) => line.speaker === 'caller' && line.text.trim() !== ''))
    return { labels: null, labelledBy: 'lexicon', reason: 'no_caller_text', error: null }
  try {
    const labels = await choice.model.ask({
      format: CALL_LABELS_FORMAT,
      instructions: CALL_LABELS_INSTRUCTIONS,
      input: transcriptText(lines),
      answer: CallLabelsSchema,
      maxOutputTokens: 60
    })
    return { labels, labelledBy: byModel(choice.model.model), reason: null, error: null }
  } catch (error) {
    return {
      labels: null,
      labelledBy: 'lexicon',
      reason: 'model_failed',
      error: `${choice.model.model}: ${error instanceof Error ? error.message : String(error)}`
    }
  }
}
