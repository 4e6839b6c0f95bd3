import type {
  RealtimeResponse,
  ResponseStatusDetails,
  ResponseUsage
} from '../../../shared/realtime/responseObject'
import type { ServerItem } from '../../../shared/realtime/serverEvents'
import { type AgentPlayout } from '../audio/AgentPlayout'
import { type AgentVoice, FRAME_MS, FRAME_SAMPLES } from '../audio/agentVoice'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import type { ApiErrorBody } from '../protocol/apiErrors'
import type { EffectiveSession } from '../session/effectiveSession'
import type { AssistantAudioItems } from './AssistantAudioItems'
import type { Conversation } from './Conversation'
import type { EventChannel } from './EventChannel'
import { newId } from './ids'
import { OutputAudioDeltas } from './OutputAudioDeltas'
import type { RateLimitMeter } from './RateLimitMeter'
import type { Timers } from './Timers'
import { estimateUsage } from './usageEstimate'

/** What one response says and does; built by CallSession from the scenario. */
export interface ResponsePlan {
  trigger: 'speech_stopped' | 'response.create'
  triggeredAt: number
  delayMs: number
  say?: string
  toolCall?: { name: string; arguments: string }
  usage?: Partial<ResponseUsage>
  conversation: 'auto' | 'none'
  metadata: Record<string, string> | null
  inputText: string
  inputAudioMs: number
  fault?: { error: ApiErrorBody; failResponse: boolean }
}

export interface ResponseContext {
  callId: string
  session: EffectiveSession
  language: string
  generationSpeed: number
  channel: EventChannel
  timers: Timers
  playout: AgentPlayout
  voice: AgentVoice
  log: GroundTruthLog
  conversation: Conversation
  rateLimits: RateLimitMeter
  /**
   * `playout`: the simulator plays the answer (WebRTC, SIP); `deltas`: the caller does, from
   * `response.output_audio.delta` events (WebSocket).
   */
  audioOut: 'playout' | 'deltas'
  audioItems: AssistantAudioItems
  onToolCall(callId: string): void
  onFinished(runner: ResponseRunner): void
}

/**
 * One response from `response.created` to `response.done`: waits the scripted delay (and the
 * speech synthesis), streams the transcript over the generation time while the audio plays,
 * then the function call, then `response.done`. `output_audio_buffer.stopped` follows when the
 * audio has drained.
 */
export class ResponseRunner {
  readonly id = newId('resp')
  private readonly response: RealtimeResponse
  private readonly cancels: (() => void)[] = []
  private finished = false
  private drained = false
  private audio: Int16Array | null | undefined
  private delayElapsed = false
  private generatedSamples = 0
  private generatedText = ''
  private message: ServerItem | null = null

  constructor(
    private readonly plan: ResponsePlan,
    private readonly ctx: ResponseContext
  ) {
    const { session } = ctx
    this.response = {
      id: this.id,
      object: 'realtime.response',
      status: 'in_progress',
      status_details: null,
      output: [],
      conversation_id: plan.conversation === 'auto' ? ctx.conversation.id : null,
      output_modalities: session.output_modalities,
      max_output_tokens: session.max_output_tokens,
      audio: { output: { format: session.audio.output.format, voice: session.audio.output.voice } },
      usage: null,
      metadata: plan.metadata
    }
  }

  get conversationMode(): 'auto' | 'none' {
    return this.plan.conversation
  }

  start(): void {
    const { channel, voice, language } = this.ctx
    channel.send({ type: 'response.created', response: this.snapshot() })
    const { fault } = this.plan
    if (fault) {
      channel.send({ type: 'error', error: fault.error })
      if (fault.failResponse) {
        const error = {
          type: fault.error.type,
          ...(fault.error.code && { code: fault.error.code })
        }
        return this.finish('failed', { type: 'failed', error })
      }
    }
    this.later(this.plan.delayMs, () => {
      this.delayElapsed = true
      this.maybeBegin()
    })
    if (this.plan.say === undefined) this.audio = null
    else
      voice.speak(this.plan.say, language).then(
        (pcm) => {
          this.audio = pcm
          this.maybeBegin()
        },
        (error: unknown) => {
          const message = `speech synthesis failed: ${String(error)}`
          channel.send({ type: 'error', error: { type: 'server_error', code: null, message } })
          this.finish('failed', { type: 'failed', error: { type: 'server_error' } })
        }
      )
  }

  /** `response.cancel` (client_cancelled) or caller speech (turn_detected). */
  cancel(reason: 'turn_detected' | 'client_cancelled'): void {
    if (this.finished) return
    // Audio not generated yet is never played; what was generated still drains unless cleared.
    this.ctx.playout.truncate(this.id, this.generatedSamples)
    this.finish('cancelled', { type: 'cancelled', reason })
  }

  private maybeBegin(): void {
    if (this.finished || !this.delayElapsed || this.audio === undefined) return
    if (this.audio) this.speak(this.audio)
    else this.callTool()
  }

  private speak(audio: Int16Array): void {
    const { channel, playout, timers, generationSpeed } = this.ctx
    const say = this.plan.say ?? ''
    const item: ServerItem = {
      id: newId('item'),
      object: 'realtime.item',
      type: 'message',
      role: 'assistant',
      status: 'in_progress',
      content: []
    }
    this.message = item
    this.addOutput(item)
    this.ctx.audioItems.add(item, () => samplesToMs(this.generatedSamples))
    const part = { response_id: this.id, item_id: item.id, output_index: 0, content_index: 0 }
    // The API opens the item empty, then its one audio part (part types `audio`/`text` here).
    item.content = [{ type: 'output_audio', transcript: '' }]
    channel.send({
      type: 'response.content_part.added',
      ...part,
      part: { type: 'audio', transcript: '' }
    })
    const recordDelay = (): void =>
      this.ctx.log.record(this.ctx.callId, {
        kind: 'response_delay',
        response_id: this.id,
        trigger: this.plan.trigger,
        scripted_delay_ms: this.plan.delayMs,
        actual_delay_ms: Math.round(timers.now() - this.plan.triggeredAt)
      })
    const deltas =
      this.ctx.audioOut === 'deltas'
        ? new OutputAudioDeltas(channel, part, this.ctx.session.audio.output.format, recordDelay)
        : null
    if (!deltas)
      playout.enqueue(this.id, audio, {
        onStart: () => {
          channel.send({ type: 'output_audio_buffer.started', response_id: this.id })
          recordDelay()
        },
        onDrain: () => {
          this.drained = true
          if (this.finished)
            channel.send({ type: 'output_audio_buffer.stopped', response_id: this.id })
        }
      })
    const generationMs = (audio.length / FRAME_SAMPLES) * (FRAME_MS / generationSpeed)
    const words = say.split(/(?<=\s)/)
    words.forEach((word, i) => {
      this.later(((i + 1) / words.length) * generationMs, () => {
        this.generatedSamples = Math.round(((i + 1) / words.length) * audio.length)
        deltas?.sendUpTo(audio, this.generatedSamples)
        this.generatedText += word
        channel.send({ type: 'response.output_audio_transcript.delta', ...part, delta: word })
      })
    })
    this.later(generationMs, () => {
      channel.send({ type: 'response.output_audio.done', ...part })
      channel.send({ type: 'response.output_audio_transcript.done', ...part, transcript: say })
      channel.send({
        type: 'response.content_part.done',
        ...part,
        part: { type: 'audio', transcript: say }
      })
      this.completeItem(item, { content: [{ type: 'output_audio', transcript: say }] })
      this.callTool()
    })
  }

  private callTool(): void {
    const call = this.plan.toolCall
    if (!call) return this.finish('completed', null)
    const { channel } = this.ctx
    const item: ServerItem = {
      id: newId('item'),
      object: 'realtime.item',
      type: 'function_call',
      status: 'in_progress',
      name: call.name,
      call_id: newId('call'),
      arguments: ''
    }
    const outputIndex = this.addOutput(item)
    const ref = {
      response_id: this.id,
      item_id: item.id,
      output_index: outputIndex,
      call_id: item.call_id!
    }
    const half = Math.ceil(call.arguments.length / 2)
    for (const delta of [call.arguments.slice(0, half), call.arguments.slice(half)])
      channel.send({ type: 'response.function_call_arguments.delta', ...ref, delta })
    channel.send({
      type: 'response.function_call_arguments.done',
      ...ref,
      name: call.name,
      arguments: call.arguments
    })
    this.completeItem(item, { arguments: call.arguments })
    this.ctx.log.record(this.ctx.callId, {
      kind: 'tool_call',
      function_call_id: item.call_id!,
      name: call.name,
      arguments: call.arguments
    })
    this.ctx.onToolCall(item.call_id!)
    this.finish('completed', null)
  }

  private addOutput(item: ServerItem): number {
    const { channel, conversation } = this.ctx
    const outputIndex = this.response.output.length
    this.response.output.push(item)
    channel.send({
      type: 'response.output_item.added',
      response_id: this.id,
      output_index: outputIndex,
      item: { ...item }
    })
    if (this.plan.conversation === 'auto') {
      const previous = conversation.add(item)
      channel.send({
        type: 'conversation.item.added',
        item: { ...item },
        previous_item_id: previous
      })
    }
    return outputIndex
  }

  private completeItem(
    item: ServerItem,
    fields: Partial<ServerItem>,
    status: 'completed' | 'incomplete' = 'completed'
  ): void {
    const { channel, conversation } = this.ctx
    Object.assign(item, fields, { status })
    const output_index = this.response.output.indexOf(item)
    channel.send({ type: 'response.output_item.done', response_id: this.id, output_index, item })
    if (this.plan.conversation === 'auto')
      channel.send({
        type: 'conversation.item.done',
        item,
        previous_item_id: conversation.previousOf(item.id)
      })
  }

  private finish(
    status: 'completed' | 'cancelled' | 'failed',
    details: ResponseStatusDetails
  ): void {
    if (this.finished) return
    this.finished = true
    this.cancels.splice(0).forEach((cancel) => cancel())
    const { channel, session } = this.ctx
    const open = this.message?.status === 'in_progress' ? this.message : null
    if (open) {
      // A cancelled answer's item is closed before response.done, as the API does: its part
      // as generated so far, then the item `incomplete`. Truncated answers keep no final
      // transcript on the item (protocol doc §5).
      const part = { response_id: this.id, item_id: open.id, output_index: 0, content_index: 0 }
      channel.send({
        type: 'response.content_part.done',
        ...part,
        part: { type: 'audio', transcript: this.generatedText }
      })
      this.completeItem(
        open,
        { content: [{ type: 'output_audio', transcript: null }] },
        'incomplete'
      )
    }
    const said = this.plan.say ?? ''
    const share = this.audio?.length ? this.generatedSamples / this.audio.length : 1
    const outputAudioMs = status === 'completed' ? this.audioMs() : this.audioMs() * share
    this.response.status = status
    this.response.status_details = details
    this.response.usage = estimateUsage(
      {
        instructions: session.instructions,
        inputText: this.plan.inputText,
        inputAudioMs: this.plan.inputAudioMs,
        outputText:
          (status === 'completed' ? said : said.slice(0, Math.round(said.length * share))) +
          (this.plan.toolCall?.arguments ?? ''),
        outputAudioMs
      },
      status === 'completed' ? this.plan.usage : {}
    )
    channel.send({ type: 'response.done', response: this.snapshot() })
    channel.send({
      type: 'rate_limits.updated',
      rate_limits: this.ctx.rateLimits.spend(this.response.usage.total_tokens)
    })
    if (this.drained) channel.send({ type: 'output_audio_buffer.stopped', response_id: this.id })
    this.ctx.onFinished(this)
  }

  private audioMs(): number {
    return this.audio ? samplesToMs(this.audio.length) : 0
  }

  private snapshot(): RealtimeResponse {
    return structuredClone(this.response)
  }

  private later(ms: number, fn: () => void): void {
    this.cancels.push(this.ctx.timers.after(ms, fn))
  }
}

function samplesToMs(samples: number): number {
  return Math.round((samples / FRAME_SAMPLES) * FRAME_MS)
}
