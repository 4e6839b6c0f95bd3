import { FRAME_MS, FRAME_SAMPLES } from './agentVoice'

interface Segment {
  responseId: string
  samples: Int16Array
  position: number
  onStart: () => void
  onDrain: () => void
}

export interface ClearedPlayout {
  responseId: string
  playedMs: number
  totalMs: number
}

/**
 * The agent's output buffer: responses' audio queued in order and pulled one 10 ms frame at a
 * time by the frame pacer. Clearing is synchronous, so no frame of a cleared answer can be
 * pulled after the barge-in that cleared it.
 */
export class AgentPlayout {
  private readonly queue: Segment[] = []

  get playingResponseId(): string | null {
    return this.queue[0]?.responseId ?? null
  }

  enqueue(
    responseId: string,
    samples: Int16Array,
    callbacks: { onStart: () => void; onDrain: () => void }
  ): void {
    this.queue.push({ responseId, samples, position: 0, ...callbacks })
  }

  /** Keeps only the first `samples` of a response not yet played (a cancelled generation). */
  truncate(responseId: string, samples: number): void {
    const segment = this.queue.find((s) => s.responseId === responseId)
    if (segment) segment.samples = segment.samples.subarray(0, Math.max(samples, segment.position))
  }

  /** The next frame, or null when nothing is queued (the pacer then sends silence). */
  pull(): Int16Array | null {
    const segment = this.queue[0]
    if (!segment) return null
    if (segment.position === 0) segment.onStart()
    const frame = new Int16Array(FRAME_SAMPLES)
    frame.set(segment.samples.subarray(segment.position, segment.position + FRAME_SAMPLES))
    segment.position += FRAME_SAMPLES
    if (segment.position >= segment.samples.length) {
      this.queue.shift()
      segment.onDrain()
    }
    return frame
  }

  /** Drops everything queued; reports the answer that was playing and how much of it was heard. */
  clear(): ClearedPlayout | null {
    const playing = this.queue[0]
    this.queue.length = 0
    if (!playing || playing.position === 0) return null
    const toMs = (samples: number): number => Math.round((samples / FRAME_SAMPLES) * FRAME_MS)
    return {
      responseId: playing.responseId,
      playedMs: toMs(playing.position),
      totalMs: toMs(playing.samples.length)
    }
  }
}
