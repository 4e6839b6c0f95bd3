import type { AgentToolResult } from '../../shared/catalog/agentTools'
import { failedToolRun, toolRunOf, type ToolCallAsked } from '../../shared/catalog/toolRun'
import type { CallEvent, CallInput } from '../../shared/live-call/callEvents'
import type { OutboundEvent, ProtocolStep } from '../../shared/live-call/callProtocol'
import type { SidebandProtocol } from './engines/sidebandProtocol'

export interface SidebandCallOptions {
  /** The call's sideband (GatewayEngine.sidebandUrl). */
  url: string
  /** The engine's protocol on it (Realtime's or GPT-Live's). */
  protocol: SidebandProtocol
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
  /** Recorded before anything else on a new call (GPT-Live's `sideband.joined`). */
  first?: CallEvent | null
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
 * The gateway's side of one call, over the sideband WebSocket, on either engine (its
 * SidebandProtocol): it sends what the engine wants once attached (Realtime: the greeting),
 * answers the agent's tool work with the catalog (Realtime's function calls, GPT-Live's
 * delegations), carries supervisors' instructions, and hands every event to the recording,
 * shaped as a desk's call engine records its data channel. `closed` resolves when the socket
 * closes (the call ended, or the connection was lost); whether the call is over is its owner's
 * to say (GatewayCalls).
 */
export class SidebandCall {
  readonly closed: Promise<SidebandClosed>
  private readonly socket: WebSocket
  private readonly protocol: SidebandProtocol
  private readonly ticker: NodeJS.Timeout
  private over = false
  private opened = false
  /** Tool work asked before a re-attach and not answered then. */
  private readonly unanswered: ToolCallAsked[] = []

  constructor(private readonly options: SidebandCallOptions) {
    this.protocol = options.protocol
    if (options.resumed) this.unanswered.push(...this.protocol.resume(options.resumed))
    if (options.first) this.observe(options.first)
    this.observe({ type: 'connection.state', state: 'connecting' })
    this.socket = new HandshakeWebSocket(options.url, {
      headers: { Authorization: `Bearer ${options.apiKey}` }
    })
    this.ticker = setInterval(() => this.observe({ type: 'clock.tick' }), TICK_MS)
    this.socket.addEventListener('open', () => {
      this.opened = true
      this.options.onOpen?.(this.unanswered.map((asked) => asked.callId))
      this.observe({ type: 'connection.state', state: 'connected' })
      if (!options.resumed) this.sendAll(this.protocol.opened())
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
   * A supervisor's instruction, as a desk's engine sends it (Realtime: a system message the
   * caller does not hear, then an answer; GPT-Live: `session.instructions.append`). False once
   * the call is over.
   */
  instruct(text: string): boolean {
    if (!this.open) return false
    this.sendAll(this.protocol.instruct(text))
    return true
  }

  /**
   * "Stop the agent speaking" (Realtime: the answer under way is cancelled, then the audio the
   * API still holds for the caller is dropped, `output_audio_buffer.clear`, a WebRTC and SIP
   * event). Null when done; otherwise why not (the call is over, or GPT-Live, which has no
   * client event that cuts the model).
   */
  stopSpeaking(): string | null {
    if (!this.open) return 'the call is over'
    const stop = this.protocol.stopAgent()
    if (!stop) return 'GPT-Live has no way to stop the agent mid-sentence'
    this.sendAll(stop)
    return null
  }

  /** Ends the call on the sideband (GPT-Live's `session.close`); false once it is over. */
  hangUp(): boolean {
    if (!this.open) return false
    this.sendAll(this.protocol.hangup())
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

  private receive(text: string): void {
    const received = this.protocol.receive(text)
    if (!received) return
    const { runTool, ...step } = received.step
    // The tool first: its answer is recorded after this event all the same (it is awaited), but
    // the search runs before this event's recording work, which the caller need not wait for.
    if (runTool) void this.answer(runTool)
    this.observe(received.event)
    this.act({ ...step, runTool: null })
    // The session is over (GPT-Live's session.closed): the sideband is let go, as at a hang-up.
    if (this.protocol.isFinal(received.event)) this.socket.close(1000, 'session closed')
  }

  private act(step: ProtocolStep): void {
    this.sendAll(step.send)
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
    this.sendAll(this.protocol.toolAnswered(asked, run.output))
  }

  private sendAll(events: readonly OutboundEvent[]): void {
    for (const event of events) {
      if (this.socket.readyState !== WebSocket.OPEN) return
      this.socket.send(JSON.stringify(event))
      this.observe(event)
    }
  }

  /**
   * Every input is recorded, then read by the protocol (GPT-Live's adapter plans a delegation
   * from the caller's words it has seen; Realtime's reads nothing here).
   */
  private observe(event: CallEvent): void {
    const t = this.options.clock()
    this.options.onInput({ t, event })
    this.act(this.protocol.observe(t, event))
    for (const noticed of this.protocol.notice(t, event)) this.observe(noticed)
  }
}
