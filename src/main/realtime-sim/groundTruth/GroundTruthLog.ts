import { appendFileSync } from 'node:fs'

/** What actually happened, for tests to compare with what the console measured. */
export type GroundTruthRecord =
  | { kind: 'call'; state: 'created' | 'connected' | 'closed'; detail?: string }
  | { kind: 'event'; direction: 'sent' | 'received'; event: unknown }
  | { kind: 'vad'; type: 'speech_started' | 'speech_stopped'; audio_ms: number }
  | {
      kind: 'response_delay'
      response_id: string
      trigger: 'speech_stopped' | 'response.create'
      scripted_delay_ms: number
      /** From the trigger to the answer's first audio frame leaving the simulator. */
      actual_delay_ms: number
    }
  | {
      kind: 'barge_in'
      response_id: string
      played_ms: number
      total_ms: number
      caller_audio_ms: number
    }
  | { kind: 'tool_call'; call_id: string; name: string; arguments: string; output?: string }
  | { kind: 'fault'; fault: string; detail?: string }

/** Each entry: wall-clock epoch ms (comparable with a page's timeOrigin + now()) and call id. */
export type GroundTruthEntry = GroundTruthRecord & { at_ms: number; call_id: string | null }

export class GroundTruthLog {
  private readonly entries: GroundTruthEntry[] = []

  /** With a file, every entry is also appended to it as one JSON line. */
  constructor(private readonly file?: string) {}

  record(callId: string | null, record: GroundTruthRecord): void {
    const entry = { at_ms: performance.timeOrigin + performance.now(), call_id: callId, ...record }
    this.entries.push(entry)
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`)
  }

  list(callId?: string): GroundTruthEntry[] {
    return callId === undefined
      ? [...this.entries]
      : this.entries.filter((e) => e.call_id === callId)
  }
}
