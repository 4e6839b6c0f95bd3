import {
  OpenAIRealtimeWebSocket,
  RealtimeAgent,
  RealtimeSession,
  tool
} from '@openai/agents-realtime'

/** What the test's search_products tool answers (the scenarios' templates read it). */
export const TOOL_OUTPUT = JSON.stringify({
  ok: true,
  result: { products: [{ name: 'TrailBlazer X200', price_usd: 189.99, fact: 'Gore-Tex.' }] }
})

type RawEvent = Record<string, unknown> & { type: string }

/** Raw server events as an Agents SDK transport received them, and waits on them. */
export class ServerEventLog {
  readonly events: RawEvent[] = []
  private waiters: (() => void)[] = []

  push(event: RawEvent): void {
    this.events.push(event)
    for (const wake of this.waiters.splice(0)) wake()
  }

  ofType(type: string): RawEvent[] {
    return this.events.filter((e) => e.type === type)
  }

  /** Resolves with the `count`th event of `type`; rejects after `timeoutMs` naming what came. */
  async waitFor(type: string, count = 1, timeoutMs = 10_000): Promise<RawEvent> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.ofType(type)[count - 1]
      if (found) return found
      const left = deadline - Date.now()
      if (left <= 0)
        throw new Error(
          `no ${count}× ${type} in ${timeoutMs} ms; got: ${this.events.map((e) => e.type).join(', ')}`
        )
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }
}

export interface AgentsSdkCall {
  session: RealtimeSession
  transport: OpenAIRealtimeWebSocket
  log: ServerEventLog
  /** What the session reported through its `error` event. */
  errors: unknown[]
  toolCalls: unknown[]
  close(): void
}

/**
 * A RealtimeSession of the Agents SDK over its own WebSocket transport, with a search_products
 * tool, connected to `url` (a call, `?model=`, or a sideband, `?call_id=`) with `apiKey`.
 */
export async function connectAgentsSdk(url: string, apiKey: string): Promise<AgentsSdkCall> {
  const toolCalls: unknown[] = []
  const errors: unknown[] = []
  const log = new ServerEventLog()
  const searchProducts = tool({
    name: 'search_products',
    description: "Searches OutdoorGear's catalog.",
    parameters: {
      type: 'object',
      properties: { query: { type: 'string' }, max_price: { type: 'number' } },
      required: ['query'],
      additionalProperties: true
    },
    strict: false,
    execute: async (args) => {
      toolCalls.push(args)
      return TOOL_OUTPUT
    }
  })
  const agent = new RealtimeAgent({
    name: 'OutdoorGear agent',
    instructions: "You are OutdoorGear's phone agent.",
    tools: [searchProducts]
  })
  const transport = new OpenAIRealtimeWebSocket({ url })
  transport.on('*', (event) => log.push(event as RawEvent))
  const session = new RealtimeSession(agent, { transport, model: 'gpt-realtime' })
  session.on('error', (error) => errors.push(error.error))
  await session.connect({ apiKey, url })
  return { session, transport, log, errors, toolCalls, close: () => session.close() }
}

/** The simulator's WebSocket URL for `path` (e.g. `/v1/realtime?model=gpt-realtime`). */
export const wsUrl = (httpUrl: string, path: string): string =>
  `${httpUrl.replace(/^http:/, 'ws:')}${path}`

const RATE = 24_000
const CHUNK_MS = 20

/**
 * A caller's turn in the SDK's default input format (PCM16 mono 24 kHz), in 20 ms chunks as a
 * microphone delivers them: `speechMs` of a loud 220 Hz tone, then silence long enough for
 * semantic VAD (eagerness auto) to end the turn.
 */
export function callerTurnChunks(speechMs = 800, silenceMs = 1500): ArrayBuffer[] {
  const perChunk = (RATE * CHUNK_MS) / 1000
  const speechChunks = speechMs / CHUNK_MS
  return Array.from({ length: (speechMs + silenceMs) / CHUNK_MS }, (_, c) => {
    const chunk = new Int16Array(perChunk)
    if (c < speechChunks)
      for (let i = 0; i < perChunk; i++)
        chunk[i] = Math.round(8000 * Math.sin((2 * Math.PI * 220 * (c * perChunk + i)) / RATE))
    return chunk.buffer
  })
}
