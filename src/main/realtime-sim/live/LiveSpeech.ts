import type { AgentPlayout } from '../audio/AgentPlayout'
import { SAMPLE_RATE } from '../audio/agentVoice'
import { newId } from '../call/ids'
import type { Timers } from '../call/Timers'
import type { LiveAudioFormat } from './liveConfig'
import type { LiveEventChannel } from './LiveEventChannel'
import { liveOutputAudio, SIDEBAND_FORMAT } from './liveWireAudio'

/** Words per `session.output_transcript.delta`. */
const WORDS_PER_DELTA = 3
/** A socket caller gets the audio in 100 ms deltas, paced in real time so a barge-in stops it. */
const SOCKET_CHUNK_MS = 100

export interface SpeechContext {
  channel: LiveEventChannel
  timers: Timers
  playout: AgentPlayout
  /** null: the simulator plays the audio (WebRTC, SIP); a format: the socket's caller does. */
  socketFormat: LiveAudioFormat | null
  /** Milliseconds since the session started: the Live session timeline. */
  timelineMs(): number
  onFirstAudio(speech: LiveSpeech): void
  onDone(speech: LiveSpeech, outcome: SpeechOutcome): void
}

export interface SpeechOutcome {
  cut: boolean
  playedMs: number
  totalMs: number
}

/**
 * One stretch of agent speech: its audio (played here or sent as deltas) and its output
 * transcript, a delta per few words stamped with their span on the session timeline. A cut
 * (barge-in) stops both where the audio stopped.
 */
export class LiveSpeech {
  readonly id = newId('resp')
  readonly totalMs: number
  private readonly cancels: (() => void)[] = []
  private startedAt: number | null = null
  private sentMs = 0
  private done = false

  constructor(
    readonly text: string,
    private readonly samples: Int16Array,
    private readonly ctx: SpeechContext
  ) {
    this.totalMs = Math.round((samples.length / SAMPLE_RATE) * 1000)
  }

  get audioStarted(): boolean {
    return this.startedAt !== null
  }

  start(): void {
    if (this.ctx.socketFormat) return this.sendChunk(this.ctx.socketFormat)
    this.ctx.playout.enqueue(this.id, this.samples, {
      onStart: () => this.began(),
      onDrain: () => this.finish({ cut: false, playedMs: this.totalMs, totalMs: this.totalMs })
    })
  }

  /** The caller talked over it: stop the audio and the transcript now. */
  cut(): SpeechOutcome | null {
    if (this.done) return null
    let playedMs = this.sentMs
    if (!this.ctx.socketFormat) {
      const cleared = this.ctx.playout.clear()
      playedMs = cleared?.responseId === this.id ? cleared.playedMs : 0
    }
    const outcome = { cut: true, playedMs, totalMs: this.totalMs }
    this.finish(outcome)
    return outcome
  }

  private sendChunk(format: LiveAudioFormat): void {
    if (this.done) return
    if (this.sentMs === 0) this.began()
    const from = (this.sentMs * SAMPLE_RATE) / 1000
    const to = Math.min(this.samples.length, from + (SOCKET_CHUNK_MS * SAMPLE_RATE) / 1000)
    const chunk = this.samples.subarray(from, to)
    this.ctx.channel.send(
      { type: 'session.output_audio.delta', delta: liveOutputAudio(chunk, format) },
      { primaryOnly: true }
    )
    const startMs = this.ctx.timelineMs()
    if (this.ctx.channel.hasSidebands)
      this.ctx.channel.reflect({
        type: 'session.output_audio.delta',
        delta: liveOutputAudio(chunk, SIDEBAND_FORMAT),
        start_ms: startMs,
        end_ms: startMs + Math.round((chunk.length / SAMPLE_RATE) * 1000)
      })
    this.sentMs = Math.round((to / SAMPLE_RATE) * 1000)
    if (to >= this.samples.length)
      return this.finish({ cut: false, playedMs: this.totalMs, totalMs: this.totalMs })
    this.cancels.push(this.ctx.timers.after(SOCKET_CHUNK_MS, () => this.sendChunk(format)))
  }

  private began(): void {
    const start = this.ctx.timelineMs()
    this.startedAt = start
    this.ctx.onFirstAudio(this)
    const words = this.text.split(/\s+/).filter(Boolean)
    const perWord = words.length ? this.totalMs / words.length : 0
    for (let i = 0; i < words.length; i += WORDS_PER_DELTA) {
      const chunk = words.slice(i, i + WORDS_PER_DELTA)
      const startMs = Math.round(start + i * perWord)
      const endMs = Math.round(start + (i + chunk.length) * perWord)
      const send = (): void =>
        this.ctx.channel.send({
          type: 'session.output_transcript.delta',
          delta: (i === 0 ? '' : ' ') + chunk.join(' '),
          start_ms: startMs,
          end_ms: endMs
        })
      if (i === 0) send()
      else this.cancels.push(this.ctx.timers.after(i * perWord, send))
    }
  }

  private finish(outcome: SpeechOutcome): void {
    if (this.done) return
    this.done = true
    this.cancels.splice(0).forEach((cancel) => cancel())
    this.ctx.onDone(this, outcome)
  }
}
