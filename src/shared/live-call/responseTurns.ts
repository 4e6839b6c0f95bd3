import type { ServerEvent } from '../realtime/serverEvents'
import type { ToolCallAsked } from '../catalog/toolRun'

/** What to do after a server event: send a `response.create`, and/or run a function call. */
export interface TurnStep {
  create: boolean
  runTool: ToolCallAsked | null
}

const NOTHING: TurnStep = { create: false, runTool: null }

/**
 * When the console's side of a call asks the model to answer (`response.create`): once to greet
 * the caller, after each tool output, after a supervisor's instruction, and never while another
 * answer runs (the create waits for that answer's `response.done`). Each function call is run
 * once (it is announced twice). Shared by a desk's call engine (data channel) and the call
 * gateway's sideband, so both drive the agent alike.
 */
export class ResponseTurns {
  private activeResponseId: string | null = null
  private createQueued = false
  private greeted = false
  /** What the last create was for: a greeting that raced the caller is not sent again. */
  private lastCreate: 'greeting' | 'tool' | 'instruction' | null = null
  private readonly seenCalls = new Set<string>()

  /** Whether an answer is being generated now. */
  get responding(): boolean {
    return this.activeResponseId !== null
  }

  /**
   * The call is up: the agent answers the phone (the model does not speak first on its own).
   * True once: send a `response.create`.
   */
  greet(): boolean {
    if (this.greeted) return false
    this.greeted = true
    this.lastCreate = 'greeting'
    return true
  }

  onServerEvent(event: ServerEvent): TurnStep {
    switch (event.type) {
      case 'response.created':
        this.activeResponseId = event.response.id
        return NOTHING
      case 'response.done': {
        this.activeResponseId = null
        const create = this.createQueued
        this.createQueued = false
        return { create, runTool: null }
      }
      case 'response.function_call_arguments.done':
        // Also announced by response.output_item.done: one run per call_id.
        if (this.seenCalls.has(event.call_id)) return NOTHING
        this.seenCalls.add(event.call_id)
        return {
          create: false,
          runTool: { callId: event.call_id, name: event.name, arguments: event.arguments }
        }
      case 'error':
        // A create that raced a VAD-started answer goes once that one is done; a greeting
        // that raced the caller is dropped (the agent is already answering).
        if (
          event.error.code === 'conversation_already_has_active_response' &&
          this.lastCreate !== 'greeting'
        )
          this.createQueued = true
        return NOTHING
      default:
        return NOTHING
    }
  }

  /** A tool's output was sent: true to send `response.create` now (else after the answer). */
  toolAnswered(): boolean {
    this.lastCreate = 'tool'
    if (!this.responding) return true
    this.createQueued = true
    return false
  }

  /**
   * A supervisor's instruction was sent: an answer under way is stopped first (its
   * `response.done` then sends the create), so the agent does not finish a sentence the
   * supervisor wants changed.
   */
  instructed(): { stopFirst: boolean; createNow: boolean } {
    this.lastCreate = 'instruction'
    if (!this.responding) return { stopFirst: false, createNow: true }
    this.createQueued = true
    return { stopFirst: true, createNow: false }
  }
}
