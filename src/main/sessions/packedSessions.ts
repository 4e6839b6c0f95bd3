import type { ImportIssue } from '../../shared/sessions/importIssues'
import type { LabSession } from '../../shared/sessions/labSchema'
import type { LabCsvSummary } from './readLabCsv'

/** Sessions per message between the parsing worker and the thread that writes them. */
export const SESSIONS_PER_BATCH = 2000
/** Batches the worker may run ahead of the writer before it waits (bounds memory). */
export const MAX_BATCHES_IN_FLIGHT = 4

/** The text columns of a packed session, in their order in `texts`. */
export const PACKED_TEXTS = ['session_id', 'scenario', 'sentiment', 'model', 'language'] as const
/** The number columns, in their order in `numbers` (rag_used as 0/1, as the database stores it). */
export const PACKED_NUMBERS = [
  'duration_sec',
  'latency_p50_ms',
  'latency_p95_ms',
  'interruptions',
  'turns',
  'rag_used'
] as const
export const TEXT_STRIDE = PACKED_TEXTS.length
/** The numbers of a session, then its row in the file. */
export const NUMBER_STRIDE = PACKED_NUMBERS.length + 1

/**
 * Sessions in file order as one string array and one Float64Array: cheap to post (the numbers
 * are transferred), and written to the database without a per-session object.
 */
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
  /** Forget every session posted so far: the file is read again, from its start. */
  | { type: 'restart' }
  | { type: 'failed'; message: string }

export class SessionBatchPacker {
  private texts: string[] = []
  private numbers = new Float64Array(SESSIONS_PER_BATCH * NUMBER_STRIDE)
  private count = 0

  /** Adds a session; returns a full batch, or undefined. */
  add(s: LabSession, row: number): SessionBatch | undefined {
    return this.addFields(
      s.session_id,
      s.scenario,
      s.sentiment,
      s.model,
      s.language,
      s.duration_sec,
      s.latency_p50_ms,
      s.latency_p95_ms,
      s.interruptions,
      s.turns,
      s.rag_used,
      row
    )
  }

  /** The same from the session's fields (the byte reader builds no LabSession). */
  addFields(
    sessionId: string,
    scenario: string,
    sentiment: string,
    model: string,
    language: string,
    duration: number,
    p50: number,
    p95: number,
    interruptions: number,
    turns: number,
    ragUsed: boolean,
    row: number
  ): SessionBatch | undefined {
    this.texts.push(sessionId, scenario, sentiment, model, language)
    const at = this.count * NUMBER_STRIDE
    const numbers = this.numbers
    numbers[at] = duration
    numbers[at + 1] = p50
    numbers[at + 2] = p95
    numbers[at + 3] = interruptions
    numbers[at + 4] = turns
    numbers[at + 5] = ragUsed ? 1 : 0
    numbers[at + 6] = row
    return ++this.count === SESSIONS_PER_BATCH ? this.take() : undefined
  }

  /** The sessions added since the last batch, or undefined if none. */
  take(): SessionBatch | undefined {
    if (this.count === 0) return undefined
    const batch: SessionBatch = {
      type: 'sessions',
      count: this.count,
      texts: this.texts,
      numbers: this.numbers
    }
    this.texts = []
    this.numbers = new Float64Array(SESSIONS_PER_BATCH * NUMBER_STRIDE)
    this.count = 0
    return batch
  }
}

export const packedId = (batch: SessionBatch, i: number): string => batch.texts[i * TEXT_STRIDE]!

export const packedRow = (batch: SessionBatch, i: number): number =>
  batch.numbers[i * NUMBER_STRIDE + PACKED_NUMBERS.length]!

export function unpackSessions(
  batch: SessionBatch,
  visit: (session: LabSession, row: number) => void
): void {
  const { texts, numbers } = batch
  for (let i = 0; i < batch.count; i++) {
    const t = i * TEXT_STRIDE
    const n = i * NUMBER_STRIDE
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
