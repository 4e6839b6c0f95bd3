import type { ServerEventOf } from '../../../shared/realtime/serverEvents'

type Completed = ServerEventOf<'conversation.item.input_audio_transcription.completed'>

/** What the transcription model reports for one committed caller turn. */
export interface InputTranscription {
  /** `…input_audio_transcription.delta` texts, in order, before `.completed`. */
  deltas: string[]
  usage: Completed['usage']
  languages?: { code: string }[]
}

const AUDIO_TOKENS_PER_SECOND = 10

/**
 * The deltas, usage and languages of one transcription, by model as the API reports them:
 * `whisper-1` sends the whole transcript as a single delta and bills by duration; the token
 * models (gpt-4o-transcribe family, gpt-transcribe, …) stream word by word and bill tokens with
 * `input_token_details` (audio, plus the prompt's text); only `gpt-transcribe` reports detected
 * languages (protocol doc §8).
 */
export function transcribeTurn(
  config: { model?: string; prompt?: string },
  transcript: string,
  inputAudioMs: number,
  language: string | undefined
): InputTranscription {
  const model = config.model ?? 'whisper-1'
  const languages =
    model === 'gpt-transcribe' ? { languages: language ? [{ code: language }] : [] } : {}
  if (model === 'whisper-1')
    return {
      deltas: [transcript],
      usage: { type: 'duration', seconds: inputAudioMs / 1000 },
      ...languages
    }
  const audioTokens = Math.ceil((inputAudioMs / 1000) * AUDIO_TOKENS_PER_SECOND)
  const textTokens = Math.ceil((config.prompt ?? '').length / 4)
  const outputTokens = Math.ceil(transcript.length / 4)
  return {
    deltas: transcript.split(/(?<=\s)/).filter((word) => word !== ''),
    usage: {
      type: 'tokens',
      input_tokens: audioTokens + textTokens,
      input_token_details: { text_tokens: textTokens, audio_tokens: audioTokens },
      output_tokens: outputTokens,
      total_tokens: audioTokens + textTokens + outputTokens
    },
    ...languages
  }
}
