import { failedToolRun, toolRunOf, type ToolRun } from '@shared/catalog/toolRun'
import { request } from '@renderer/app/ipc'

/** Runs one function call in main (catalog.runTool) and shapes its answer for the model. */
export async function runToolCall(callId: string, name: string, args: string): Promise<ToolRun> {
  const asked = { callId, name, arguments: args }
  const started = performance.now()
  try {
    const { ms, ...result } = await request('catalog.runTool', { name, arguments: args })
    // ms is main's timing, for the tool card; the model gets facts and citations only.
    return toolRunOf(asked, result, ms)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return failedToolRun(asked, message, Math.round(performance.now() - started))
  }
}
