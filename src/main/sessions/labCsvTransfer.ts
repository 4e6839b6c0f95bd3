import type { ImportIssue } from '../../shared/sessions/importIssues'
import type { LabSession } from '../../shared/sessions/labSchema'
import type { LabCsvSummary } from './readLabCsv'

/** Sessions per message between the parsing worker and the thread that consumes them. */
export const TRANSFER_BATCH = 2000
/** Batches the worker may run ahead of the consumer before it waits (bounds memory). */
export const MAX_BATCHES_IN_FLIGHT = 4

const TEXTS = 5
const NUMBERS = 7 // five numeric columns, rag_used, row

/** Sessions packed as one string array and one Float64Array: cheap to post, no objects. */
export interface SessionBatch {
  type: 'sessions'
  count: number
  texts: string[]
  numbers: Float64Array
}
export type WorkerMessage =
  | SessionBatch
  | { type: 'issues'; issues: ImportIssue[] }
  | { type: 'done'; summary: LabCsvSummary }
  | { type: 'failed'; message: string }

export class SessionBatchPacker {
  private texts: string[] = []
  private numbers = new Float64Array(TRANSFER_BATCH * NUMBERS)
  private count = 0

  /** Adds a session; returns a full batch to post, or undefined. */
  add(s: LabSession, row: number): SessionBatch | undefined {
    this.texts.push(s.session_id, s.scenario, s.sentiment, s.model, s.language)
    const at = this.count * NUMBERS
    this.numbers[at] = s.duration_sec
    this.numbers[at + 1] = s.latency_p50_ms
    this.numbers[at + 2] = s.latency_p95_ms
    this.numbers[at + 3] = s.interruptions
    this.numbers[at + 4] = s.turns
    this.numbers[at + 5] = s.rag_used ? 1 : 0
    this.numbers[at + 6] = row
    return ++this.count === TRANSFER_BATCH ? this.take() : undefined
  }

  take(): SessionBatch | undefined {
    if (this.count === 0) return undefined
    const batch: SessionBatch = {
      type: 'sessions',
      count: this.count,
      texts: this.texts,
      numbers: this.numbers
    }
    this.texts = []
    this.numbers = new Float64Array(TRANSFER_BATCH * NUMBERS)
    this.count = 0
    return batch
  }
}

export function unpackSessions(
  batch: SessionBatch,
  visit: (session: LabSession, row: number) => void
): void {
  const { texts, numbers } = batch
  for (let i = 0; i < batch.count; i++) {
    const t = i * TEXTS
    const n = i * NUMBERS
    visit(
      {
        session_id: texts[t]!,
        scenario: texts[t + 1]!,
        duration_sec: numbers[n]!,
        latency_p50_ms: numbers[n + 1]!,
        latency_p95_ms: numbers[n + 2]!,
        interruptions: numbers[n + 3]!,
        turns: numbers[n + 4]!,
        sentiment: texts[t + 2]!,
        model: texts[t + 3]!,
        rag_used: numbers[n + 5] === 1,
        language: texts[t + 4]!
      },
      numbers[n + 6]!
    )
  }
}
