import type { ImportWarningCode, IssueParams } from './importIssueCodes'
import { WarningCollector } from './importIssues'

/** One WarningCollector.add call, as it was made. */
export interface WarningEvent {
  column: string
  message: string
  row: number | undefined
  code: ImportWarningCode
  params?: IssueParams
}

/**
 * A WarningCollector that also keeps its calls from record() on (at most `limit`), so that
 * another collector can be given the same calls later: how the warnings of a file's tail, read
 * apart, join the head's in their order (the grouping depends on it).
 */
export class RecordingWarnings extends WarningCollector {
  private events: WarningEvent[] | undefined
  private overflowed = false

  constructor(private readonly limit: number) {
    super()
  }

  record(): void {
    this.events = []
  }

  override add(
    column: string,
    message: string,
    row: number | undefined,
    code: ImportWarningCode,
    params?: IssueParams
  ): void {
    if (this.events) {
      if (this.events.length < this.limit)
        this.events.push({ column, message, row, code, ...(params && { params }) })
      else this.overflowed = true
    }
    super.add(column, message, row, code, params)
  }

  /** The calls since record(), or undefined if there were more than the limit. */
  recorded(): WarningEvent[] | undefined {
    return this.overflowed ? undefined : (this.events ?? [])
  }
}
