// Browser entry (bundled by esbuild, see servePage.ts): the OpenAI Agents SDK's own WebRTC
// transport, as a customer's page would use it, pointed at the simulator on another origin.
// It records every raw server event for the test, which validates them in Node.
import { OpenAIRealtimeWebRTC, RealtimeAgent, RealtimeSession, tool } from '@openai/agents-realtime'

/** What the test reads from the page (window.sdkCall). */
export interface SdkCallRecord {
  state: 'idle' | 'connecting' | 'connected' | 'failed' | 'closed'
  /** Raw server events as the transport received them (its `*` listener), in order. */
  events: Record<string, unknown>[]
  /** What the session reported through its `error` event. */
  errors: string[]
  toolCalls: { name: string; args: unknown }[]
  /** The SDK's history, items by id: their role/type and status. */
  history: { itemId: string; type: string; status: string | null }[]
  callId: string | null
}

export interface SdkCallOptions {
  /** The simulator's calls URL, e.g. http://127.0.0.1:PORT/v1/realtime/calls */
  callsUrl: string
  ek: string
  /** What the search_products tool answers (a JSON string). */
  toolOutput: string
}

declare global {
  interface Window {
    sdkCall: SdkCallRecord
    startSdkCall(options: SdkCallOptions): Promise<void>
    sdkInterrupt(): void
    sdkSendMessage(text: string): void
    sdkClose(): void
  }
}

window.sdkCall = { state: 'idle', events: [], errors: [], toolCalls: [], history: [], callId: null }
let session: RealtimeSession | null = null

window.startSdkCall = async ({ callsUrl, ek, toolOutput }) => {
  const record = window.sdkCall
  const searchProducts = tool({
    name: 'search_products',
    description: "Searches OutdoorGear's catalog.",
    parameters: {
      type: 'object',
      properties: {
        query: { type: 'string' },
        category: { type: 'string' },
        max_price: { type: 'number' }
      },
      required: ['query'],
      additionalProperties: true
    },
    strict: false,
    execute: async (args) => {
      record.toolCalls.push({ name: 'search_products', args })
      return toolOutput
    }
  })
  const agent = new RealtimeAgent({
    name: 'OutdoorGear agent',
    instructions: "You are OutdoorGear's phone agent.",
    tools: [searchProducts]
  })
  const transport = new OpenAIRealtimeWebRTC({ baseUrl: callsUrl })
  transport.on('*', (event) => record.events.push(event as Record<string, unknown>))
  session = new RealtimeSession(agent, { transport, model: 'gpt-realtime' })
  session.on('error', (error) => record.errors.push(JSON.stringify(error.error)))
  session.on('history_updated', (history) => {
    record.history = history.map((item) => ({
      itemId: item.itemId,
      type: item.type,
      status: 'status' in item ? (item.status ?? null) : null
    }))
  })
  record.state = 'connecting'
  try {
    await session.connect({ apiKey: ek })
    record.callId = transport.callId ?? null
    record.state = 'connected'
  } catch (error) {
    record.state = 'failed'
    record.errors.push(`connect: ${String(error)}`)
  }
}

window.sdkInterrupt = () => session?.interrupt()
window.sdkSendMessage = (text) => session?.sendMessage(text)
window.sdkClose = () => {
  session?.close()
  window.sdkCall.state = 'closed'
}
