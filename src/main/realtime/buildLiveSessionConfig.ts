import type { MediaSessionConfig } from 'openai/resources/live/live'
import type { AppSettings } from '../../shared/settings/settingsSchema'

/**
 * The GPT-Live session a call starts with (docs/gpt-live.md). Live's config is strict and
 * immutable after startup, and has no VAD, noise-reduction or transcription settings: those
 * Settings fields apply to Realtime calls only. Tools are not declared to the model: it
 * delegates work to the console (client delegation), which answers with the same catalog
 * tools a Realtime call runs.
 */
export function buildLiveSessionConfig(settings: AppSettings, model: string): MediaSessionConfig {
  return {
    model,
    instructions: settings.instructions,
    audio: { output: { voice: settings.voice } },
    delegation: { type: 'client' }
  }
}
