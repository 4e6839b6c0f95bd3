import type { ToolResultObservation } from '../live-call/callEvents'
import { utf8ByteLength } from '../live-call/utf8ByteLength'
import type { AgentToolResult } from './agentTools'

/** One function call answered: what the model receives, and what the call records about it. */
export interface ToolRun {
  /** The `function_call_output` item's output. */
  output: string
  observation: ToolResultObservation
}

/** The function call being answered: its id, the tool, the model's raw arguments. */
export interface ToolCallAsked {
  callId: string
  name: string
  arguments: string
}

/**
 * The model's answer to a tool run by the catalog (`catalog.runTool` / CatalogService), the
 * same for a desk's call and a gateway's: facts and citations only (timings are for the tool
 * card, never for the model), and a `tool.result` observation with its size and hits.
 */
export function toolRunOf(asked: ToolCallAsked, result: AgentToolResult, ms: number): ToolRun {
  const payload = result.ok
    ? { ok: true, result: result.result, citations: result.citations }
    : { ok: false, error: result.error }
  const output = JSON.stringify(payload)
  return {
    output,
    observation: {
      type: 'tool.result',
      call_id: asked.callId,
      name: asked.name,
      ok: result.ok,
      ms,
      result_bytes: utf8ByteLength(output),
      result_count: result.ok ? countResults(result.result) : null,
      error: result.ok ? null : result.error.message,
      arguments: asked.arguments
    }
  }
}

/** A tool that could not be run at all (the catalog threw, or main could not be asked). */
export function failedToolRun(asked: ToolCallAsked, message: string, ms: number): ToolRun {
  return toolRunOf(asked, { ok: false, error: { code: 'failed', message } }, ms)
}

/** Hits of a search tool: the length of the first list in its result (products, results, …). */
function countResults(result: Record<string, unknown>): number | null {
  for (const value of Object.values(result)) if (Array.isArray(value)) return value.length
  return null
}
