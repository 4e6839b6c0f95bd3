import type { AgentToolResult } from '../../shared/catalog/agentTools'
import { failedToolRun, toolRunOf, type ToolCallAsked } from '../../shared/catalog/toolRun'
import type { CallEvent, CallInput, ClientCallEvent } from '../../shared/live-call/callEvents'
import { inboundEvent } from '../../shared/live-call/inboundEvent'
import { ResponseTurns } from '../../shared/live-call/responseTurns'
import type { ServerEvent } from '../../shared/realtime/serverEvents'

export interface SidebandCallOptions {
  /** `wss://…/v1/realtime?call_id=…` (sidebandUrl). */
  url: string
  /** The standard key: a sideband takes no ephemeral `ek_` key. */
  apiKey: string
  /** Every server event, client event and observation, in order, as a desk records them. */
  onInput: (input: CallInput) => void
  /** The agent's tools: the console's catalog (CatalogService.runTool). */
  runTool: (name: string, args: string) => Promise<AgentToolResult>
  log: (line: string) => void
  /** The call's clock (a re-attached call continues the timeline its recording began). */
  clock: () => number
  /**
   * Re-attached to a running call: its recorded inputs so far. No greeting; function calls
   * asked and never answered are answered once the sideband is up.
   */
  resumed?: readonly CallInput[]
  /** Once open (a re-attach records its gap here, before the first event it sees). */
  onOpen?: (late: readonly string[]) => void
}

/** How a sideband ended: `opened` false when it never got on the call (refused, unreachable). */
export interface SidebandClosed {
  code: number
  reason: string
  opened: boolean
}

/**
 * Node's WebSocket (undici's) sends headers on the handshake, which the sideband's key needs;
 * the DOM typing the project compiles with has no such parameter.
 */
const HandshakeWebSocket = WebSocket as unknown as new (
  url: string,
  init: { headers: Record<string, string> }
) => WebSocket

/** As a desk's engine: a tick when nothing arrives, so time-based decisions settle. */
const TICK_MS = 250

/**
 * The gateway's side of one call, over the sideband WebSocket: it greets the caller once
 * attached, answers the agent's function calls with the catalog (`function_call_output`, then
 * `response.create`), and hands every event to the recording, shaped as a desk's call engine
 * records its data channel. `closed` resolves when the socket closes (the call ended, or the
 * connection was lost); whether the call is over is its owner's to say (GatewayCalls).
 */
export class SidebandCall {
  readonly closed: Promise<SidebandClosed>
  private readonly socket: WebSocket
  private readonly turns = new ResponseTurns()
  private readonly ticker: NodeJS.Timeout
  private over = false
  private opened = false
  /** Function calls asked before a re-attach and not answered then. */
  private readonly unanswered: ToolCallAsked[] = []

  constructor(private readonly options: SidebandCallOptions) {
    if (options.resumed) this.prime(options.resumed)
    this.observe({ type: 'connection.state', state: 'connecting' })
    this.socket = new HandshakeWebSocket(options.url, {
      headers: { Authorization: `Bearer ${options.apiKey}` }
    })
    this.ticker = setInterval(() => this.observe({ type: 'clock.tick' }), TICK_MS)
    this.socket.addEventListener('open', () => {
      this.opened = true
      this.options.onOpen?.(this.unanswered.map((asked) => asked.callId))
      this.observe({ type: 'connection.state', state: 'connected' })
      if (this.turns.greet()) this.send({ type: 'response.create' })
      for (const asked of this.unanswered.splice(0)) void this.answer(asked)
    })
    this.socket.addEventListener('message', (message: MessageEvent<unknown>) => {
      if (typeof message.data === 'string') this.receive(message.data)
    })
    this.closed = new Promise((resolve) => {
      this.socket.addEventListener('close', ({ code, reason }) => {
        this.over = true
        clearInterval(this.ticker)
        resolve({ code, reason, opened: this.opened })
      })
    })
    // A refused handshake or a dropped connection: 'close' follows with its code.
    this.socket.addEventListener('error', () => options.log(`sideband ${options.url}: error`))
  }

  /**
   * A supervisor's instruction, as a desk's engine sends it: a system message the caller does not
   * hear, then an answer (an answer under way is stopped first). False once the call is over.
   */
  instruct(text: string): boolean {
    if (!this.open) return false
    this.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'system', content: [{ type: 'input_text', text }] }
    })
    const { stopFirst, createNow } = this.turns.instructed()
    if (stopFirst) this.stopSpeaking()
    if (createNow) this.send({ type: 'response.create' })
    return true
  }

  /**
   * "Stop the agent speaking": the answer under way is cancelled, then the audio the API still
   * holds for the caller is dropped (`output_audio_buffer.clear`: a WebRTC and SIP event, which a
   * phone call's sideband is). False once the call is over.
   */
  stopSpeaking(): boolean {
    if (!this.open) return false
    if (this.turns.responding) this.send({ type: 'response.cancel' })
    this.send({ type: 'output_audio_buffer.clear' })
    return true
  }

  /** An observation of the gateway's own (a supervisor's command), recorded with the call. */
  note(event: CallEvent): void {
    this.observe(event)
  }

  private get open(): boolean {
    return !this.over && this.socket.readyState === WebSocket.OPEN
  }

  /** Detaches (the gateway is stopping): the call goes on at the API without this instance. */
  close(): void {
    this.socket.close(1000, 'gateway stopping')
  }

  /**
   * A re-attach: the greeting was given, the function calls recorded are known (each answered
   * once), and those whose output was never sent are kept to answer once the sideband is up.
   */
  private prime(recorded: readonly CallInput[]): void {
    this.turns.greet()
    const answered = new Set<string>()
    const asked: ToolCallAsked[] = []
    for (const { event } of recorded) {
      if (event.type === 'response.function_call_arguments.done') {
        const step = this.turns.onServerEvent(event as ServerEvent)
        if (step.runTool) asked.push(step.runTool)
      }
      const item = (event as { item?: { type?: string; call_id?: string } }).item
      if (event.type === 'conversation.item.create' && item?.type === 'function_call_output')
        answered.add(item.call_id ?? '')
    }
    this.unanswered.push(...asked.filter((a) => !answered.has(a.callId)))
  }

  private receive(text: string): void {
    const t = this.options.clock()
    const inbound = inboundEvent(text)
    if (!inbound) return
    this.options.onInput({ t, event: inbound.event })
    if (inbound.parsed) this.react(inbound.parsed)
  }

  private react(event: ServerEvent): void {
    const step = this.turns.onServerEvent(event)
    if (step.create) this.send({ type: 'response.create' })
    if (step.runTool) void this.answer(step.runTool)
  }

  private async answer(asked: ToolCallAsked): Promise<void> {
    const started = this.options.clock()
    let run
    try {
      const result = await this.options.runTool(asked.name, asked.arguments)
      run = toolRunOf(asked, result, this.options.clock() - started)
    } catch (error) {
      run = failedToolRun(
        asked,
        error instanceof Error ? error.message : String(error),
        this.options.clock() - started
      )
    }
    if (this.over) return
    this.observe(run.observation)
    this.send({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: asked.callId, output: run.output }
    })
    if (this.turns.toolAnswered()) this.send({ type: 'response.create' })
  }

  private send(event: ClientCallEvent): void {
    if (this.socket.readyState !== WebSocket.OPEN) return
    this.socket.send(JSON.stringify(event))
    this.options.onInput({ t: this.options.clock(), event })
  }

  private observe(event: CallEvent): void {
    this.options.onInput({ t: this.options.clock(), event })
  }
}
