import type { z } from 'zod'
import type { ResponseCreateParams } from '../../../shared/realtime/clientEvents'
import { fillTemplate } from '../scenario/fillTemplate'
import { sampleDelay } from '../scenario/sampleDelay'
import type { AgentSpeech, Scenario, ScenarioTurn } from '../scenario/scenarioSchema'
import type { ResponsePlan } from './ResponseRunner'

/** A committed caller turn waiting for its answer. */
export interface PendingTurn {
  number: number
  transcript: string
  language?: string
  inputAudioMs: number
  turn: ScenarioTurn | null
}

type ToolFollowUp = NonNullable<ScenarioTurn['agent']['tool_call']>['then']

/**
 * Decides what the agent says next from the scenario: the caller's Nth turn gets the Nth
 * scripted answer, a tool's output gets the tool call's follow-up, and a `response.create` with
 * nothing to answer gets the greeting, then the default reply.
 */
export class ResponsePlanner {
  private committed = 0
  private pending: PendingTurn | null = null
  private greeted = false
  private readonly awaitingOutput = new Map<string, ToolFollowUp>()
  private answerable: { followUp: ToolFollowUp; output: string } | null = null
  private readonly followUps = new WeakMap<ResponsePlan, ToolFollowUp>()

  constructor(
    private readonly scenario: Scenario,
    private readonly random: () => number
  ) {}

  commitTurn(inputAudioMs: number): PendingTurn {
    const number = ++this.committed
    const turn = this.scenario.turns[number - 1] ?? null
    this.pending = {
      number,
      turn,
      inputAudioMs,
      transcript: turn?.caller ?? '',
      language: turn?.caller_language
    }
    return this.pending
  }

  /** A typed caller message counts as the next turn, with its own text. */
  commitTyped(text: string): void {
    this.commitTurn(0).transcript = text
  }

  forTurn(pending: PendingTurn, trigger: ResponsePlan['trigger'], now: number): ResponsePlan {
    if (this.pending === pending) this.pending = null
    const agent = pending.turn?.agent ?? this.scenario.default_reply
    const fault = this.scenario.faults.find(
      (f) => f.type === 'error_event' && f.at_turn === pending.number
    )
    const plan: ResponsePlan = {
      ...this.speech(agent, trigger, now),
      inputText: pending.transcript,
      inputAudioMs: pending.inputAudioMs,
      ...(pending.turn?.agent.tool_call && {
        toolCall: {
          name: pending.turn.agent.tool_call.name,
          arguments: JSON.stringify(pending.turn.agent.tool_call.arguments)
        }
      }),
      ...(fault?.type === 'error_event' && {
        fault: {
          error: {
            ...fault.error,
            code: fault.error.code ?? null,
            param: fault.error.param ?? null
          },
          failResponse: fault.fail_response
        }
      })
    }
    if (pending.turn?.agent.tool_call) this.followUps.set(plan, pending.turn.agent.tool_call.then)
    return plan
  }

  forResponseCreate(params: z.output<typeof ResponseCreateParams>, now: number): ResponsePlan {
    const metadata = params.metadata ?? null
    if (params.conversation === 'none')
      return {
        ...this.speech(this.scenario.filler, 'response.create', now),
        conversation: 'none',
        metadata
      }
    if (this.answerable) {
      const { followUp, output } = this.answerable
      this.answerable = null
      const say = fillTemplate(followUp.say, output) ?? followUp.fallback
      return {
        ...this.speech({ ...followUp, say }, 'response.create', now),
        inputText: output,
        metadata
      }
    }
    if (this.pending) {
      // The same plan object, not a copy: its tool follow-up is keyed by it (followUps).
      const plan = this.forTurn(this.pending, 'response.create', now)
      plan.metadata = metadata
      return plan
    }
    const greeting = !this.greeted ? this.scenario.greeting : undefined
    this.greeted = true
    return {
      ...this.speech(greeting ?? this.scenario.default_reply, 'response.create', now),
      metadata
    }
  }

  /** The runner emitted a function call: its output, when it comes, gets the follow-up. */
  toolCalled(callId: string, plan: ResponsePlan): void {
    const followUp = this.followUps.get(plan)
    if (followUp) this.awaitingOutput.set(callId, followUp)
  }

  toolOutput(callId: string, output: string): void {
    const followUp = this.awaitingOutput.get(callId)
    if (!followUp) return
    this.awaitingOutput.delete(callId)
    this.answerable = { followUp, output }
  }

  private speech(agent: AgentSpeech, trigger: ResponsePlan['trigger'], now: number): ResponsePlan {
    return {
      trigger,
      triggeredAt: now,
      delayMs: sampleDelay(agent.delay_ms, this.random),
      ...(agent.say !== undefined && { say: agent.say }),
      ...(agent.usage && { usage: agent.usage }),
      conversation: 'auto',
      metadata: null,
      inputText: '',
      inputAudioMs: 0
    }
  }
}
