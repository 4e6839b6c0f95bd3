import type { ResponseUsage } from '../../../shared/realtime/responseObject'

// Rough token counts (about 4 characters per text token, 10 audio tokens per second in and 20
// out) so a console's cost figures have numbers to add up; a scenario can state exact ones.

export interface UsageInputs {
  instructions: string
  inputText: string
  inputAudioMs: number
  outputText: string
  outputAudioMs: number
}

const textTokens = (text: string): number => Math.ceil(text.length / 4)

export function estimateUsage(
  inputs: UsageInputs,
  override: Partial<ResponseUsage> = {}
): ResponseUsage {
  const inputText = textTokens(inputs.instructions) + textTokens(inputs.inputText)
  const inputAudio = Math.ceil(inputs.inputAudioMs / 100)
  const outputText = textTokens(inputs.outputText)
  const outputAudio = Math.ceil(inputs.outputAudioMs / 50)
  const input_tokens = override.input_tokens ?? inputText + inputAudio
  const output_tokens = override.output_tokens ?? outputText + outputAudio
  return {
    input_tokens,
    output_tokens,
    total_tokens: override.total_tokens ?? input_tokens + output_tokens,
    input_token_details: override.input_token_details ?? {
      text_tokens: inputText,
      audio_tokens: inputAudio,
      image_tokens: 0,
      cached_tokens: 0,
      cached_tokens_details: { text_tokens: 0, audio_tokens: 0, image_tokens: 0 }
    },
    output_token_details: override.output_token_details ?? {
      text_tokens: outputText,
      audio_tokens: outputAudio
    }
  }
}
