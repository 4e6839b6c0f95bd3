import { expect } from 'vitest'
// The Agents SDK's own zod schemas of the server events (not exported by the package, hence
// the path): what it parses every event with, dropping to a generic event when one fails.
import { realtimeServerEventSchema } from '../../../../node_modules/@openai/agents-realtime/dist/openaiRealtimeEvents.js'

/** Every event parses under the Agents SDK's schema for its type (not its generic fallback). */
export function expectAgentsSdkAccepts(events: readonly Record<string, unknown>[]): void {
  for (const event of events) {
    const parsed = realtimeServerEventSchema.safeParse(event)
    expect(parsed.success, `${String(event['type'])}: ${parsed.error?.message}`).toBe(true)
  }
}
