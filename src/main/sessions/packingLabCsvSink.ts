import { CompactIdSet } from '../../shared/collections/CompactIdSet'
import type { LabSession } from '../../shared/sessions/labSchema'
import { SessionBatch, SessionBatchPacker } from './packedSessions'
import type { LabCsvRowSink } from './readLabCsvFast'

/** Distinct model names kept as strings: a file holds a handful, so each row reuses one. */
const MAX_MODELS = 16

/**
 * readLabCsvFast's sink for the app's import: packs each session straight into the worker's
 * batches (no LabSession per row read from bytes) and hands every full batch to `post`; finds
 * duplicate ids as readLabCsv does (CompactIdSet), so the reader gives the file up at one.
 */
export class PackingLabCsvSink implements LabCsvRowSink {
  /** Batches handed to `post` so far. */
  posted = 0
  private readonly packer = new SessionBatchPacker()
  private readonly ids = new CompactIdSet()
  private readonly modelBytes: Uint8Array[] = []
  private readonly models: string[] = []

  constructor(private readonly post: (batch: SessionBatch) => void) {}

  reserve(rows: number, idChars: number): void {
    this.ids.reserve(rows, idChars)
  }

  addSession(s: LabSession, row: number): boolean {
    if (!this.ids.add(s.session_id)) return false
    this.posting(this.packer.add(s, row))
    return true
  }

  addAscii(
    bytes: Buffer,
    idStart: number,
    idEnd: number,
    scenario: string,
    duration: number,
    p50: number,
    p95: number,
    interruptions: number,
    sentiment: string,
    ragUsed: boolean,
    language: string,
    turns: number,
    modelStart: number,
    modelEnd: number,
    row: number
  ): boolean {
    const id = bytes.toString('latin1', idStart, idEnd)
    if (!this.ids.add(id)) return false
    const model = this.model(bytes, modelStart, modelEnd)
    this.posting(
      this.packer.addFields(
        id,
        scenario,
        sentiment,
        model,
        language,
        duration,
        p50,
        p95,
        interruptions,
        turns,
        ragUsed,
        row
      )
    )
    return true
  }

  /** The sessions not posted yet, or undefined. */
  take(): SessionBatch | undefined {
    return this.packer.take()
  }

  private posting(batch: SessionBatch | undefined): void {
    if (!batch) return
    this.posted++
    this.post(batch)
  }

  /** bytes[start, end) as a string, one string object per distinct model name seen. */
  private model(bytes: Buffer, start: number, end: number): string {
    const length = end - start
    outer: for (let i = 0; i < this.modelBytes.length; i++) {
      const known = this.modelBytes[i]!
      if (known.length !== length) continue
      for (let k = 0; k < length; k++) if (known[k] !== bytes[start + k]) continue outer
      return this.models[i]!
    }
    const model = bytes.toString('latin1', start, end)
    if (this.models.length < MAX_MODELS) {
      this.modelBytes.push(bytes.slice(start, end))
      this.models.push(model)
    }
    return model
  }
}
