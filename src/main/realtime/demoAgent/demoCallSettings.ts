import { DEMO_AGENT_MODEL, type AppSettings } from '../../../shared/settings/settingsSchema'
import type { DemoAgentTarget } from './DemoAgent'

/**
 * A demo call as the wire sees it: an OpenAI-compatible endpoint on loopback (the simulator
 * speaks the GA protocol), under a model name that marks the session as a demo in Sessions
 * and Reports. Everything else (voice, VAD, tools, instructions) comes from the user's settings.
 */
export function demoCallSettings(settings: AppSettings, target: DemoAgentTarget): AppSettings {
  return {
    ...settings,
    provider: { kind: 'custom', baseUrl: target.baseUrl },
    model: DEMO_AGENT_MODEL
  }
}
