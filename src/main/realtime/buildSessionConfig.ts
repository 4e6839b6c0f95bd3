import { agentToolDefinitions } from '../../shared/catalog/agentTools'
import type { RealtimeSessionConfig } from '../../shared/realtime/sessionConfig'
import type { AppSettings } from '../../shared/settings/settingsSchema'

/**
 * The GA session a call starts with, from the saved settings (protocol doc §2): the four catalog
 * tools, automatic tool choice, and VAD that answers and lets the caller barge in.
 */
export function buildSessionConfig(settings: AppSettings, model: string): RealtimeSessionConfig {
  const td = settings.turnDetection
  // create_response/interrupt_response are explicit: the live screen's barge-in indicator and
  // latency figures assume the server answers each turn and cuts the agent on caller speech.
  const turnDetection = { ...td, create_response: true, interrupt_response: true }
  const language = settings.transcription.language
  return {
    type: 'realtime',
    model,
    instructions: settings.instructions,
    output_modalities: ['audio'],
    audio: {
      input: {
        noise_reduction:
          settings.noiseReduction === 'off' ? null : { type: settings.noiseReduction },
        transcription: {
          model: settings.transcription.model,
          ...(language ? { language } : {})
        },
        turn_detection: turnDetection
      },
      output: { voice: settings.voice }
    },
    tools: agentToolDefinitions.map((tool) => ({
      type: 'function' as const,
      name: tool.name,
      description: tool.description,
      parameters: tool.parameters as Record<string, unknown>
    })),
    tool_choice: 'auto'
  }
}
