import type { ResponsesRequest } from './parseResponsesRequest'
import type { ResponsesScript } from './responsesScript'

/** The format's name as scripts match it: `text.format.name`, or the type for text/json_object. */
export const formatName = (request: ResponsesRequest): string =>
  request.format.type === 'json_schema' ? request.format.name : request.format.type

/**
 * The scenario's `responses` entries, in order: the first that matches a request and has uses
 * left (`times`) answers it. Counts are kept per simulator, so a `times: 1` 429 is followed by
 * the next match on the SDK's retry.
 */
export class ResponsesScripts {
  private readonly used: number[]
  private readonly patterns: (RegExp | null)[]

  constructor(private readonly scripts: readonly ResponsesScript[]) {
    this.used = scripts.map(() => 0)
    this.patterns = scripts.map((s) => (s.input === undefined ? null : new RegExp(s.input, 'i')))
  }

  /** The script answering this request (and its index), counted as used; null: none. */
  take(request: ResponsesRequest): { index: number; script: ResponsesScript } | null {
    const index = this.scripts.findIndex(
      (script, i) =>
        (script.format === undefined || script.format === formatName(request)) &&
        (script.model === undefined || script.model === request.model) &&
        (this.patterns[i]?.test(request.inputText) ?? true) &&
        (script.times === undefined || this.used[i]! < script.times)
    )
    if (index < 0) return null
    this.used[index]!++
    return { index, script: this.scripts[index]! }
  }
}
