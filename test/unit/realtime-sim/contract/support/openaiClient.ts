import OpenAI from 'openai'
import type { Simulator } from '../../../../../src/main/realtime-sim/startSimulator'

/** The official `openai` SDK pointed at the simulator, with no retries (a 5xx must show). */
export function openaiFor(sim: Simulator, apiKey: string): OpenAI {
  return new OpenAI({ apiKey, baseURL: `${sim.url}/v1`, maxRetries: 0 })
}
