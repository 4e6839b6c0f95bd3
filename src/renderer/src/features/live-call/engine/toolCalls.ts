import type { ToolResultObservation } from '@shared/live-call/callEvents'
import { request } from '@renderer/app/ipc'

export interface ToolRun {
  /** What the model receives in function_call_output. */
  output: string
  observation: ToolResultObservation
}

/** Runs one function call in main (catalog.runTool) and shapes its answer for the model. */
export async function runToolCall(callId: string, name: string, args: string): Promise<ToolRun> {
  const started = performance.now()
  try {
    const answer = await request('catalog.runTool', { name, arguments: args })
    // ms is main's timing, for the tool card; the model gets facts and citations only.
    const payload = answer.ok
      ? { ok: true, result: answer.result, citations: answer.citations }
      : { ok: false, error: answer.error }
    const output = JSON.stringify(payload)
    return {
      output,
      observation: {
        type: 'tool.result',
        call_id: callId,
        name,
        ok: answer.ok,
        ms: answer.ms,
        result_bytes: new TextEncoder().encode(output).length,
        result_count: answer.ok ? countResults(answer.result) : null,
        error: answer.ok ? null : answer.error.message,
        arguments: args
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const output = JSON.stringify({ ok: false, error: { code: 'failed', message } })
    return {
      output,
      observation: {
        type: 'tool.result',
        call_id: callId,
        name,
        ok: false,
        ms: Math.round(performance.now() - started),
        result_bytes: output.length,
        result_count: null,
        error: message,
        arguments: args
      }
    }
  }
}

/** Hits of a search tool: the length of the first list in its result (products, results, …). */
function countResults(result: Record<string, unknown>): number | null {
  for (const value of Object.values(result)) if (Array.isArray(value)) return value.length
  return null
}
