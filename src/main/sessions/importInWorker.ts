import { Worker } from 'node:worker_threads'
import type { ImportOutcome } from '../../shared/sessions/importOutcome'
import type { ImportRequest, ImportWorkerMessage, LabCsvWorkerData } from './labCsvWorkerData'
import type { LabCsvWorkerScript } from './readLabCsvInWorker'

/**
 * Runs a whole import (importSessionsFile) on a labCsvWorker, which parses on a second one: main's
 * thread only waits for the outcome, so its event loop keeps serving the window and live calls.
 */
export function importInWorker(
  worker: LabCsvWorkerScript,
  request: ImportRequest
): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const data: LabCsvWorkerData = {
      task: 'import',
      request,
      script: worker.script instanceof URL ? worker.script.href : worker.script,
      ...(worker.execArgv && { execArgv: worker.execArgv })
    }
    const thread = new Worker(worker.script, {
      workerData: data,
      ...(worker.execArgv && { execArgv: worker.execArgv })
    })
    let settled = false
    const finish = (error: Error | undefined, outcome?: ImportOutcome): void => {
      if (settled) return
      settled = true
      if (error) reject(error)
      else resolve(outcome!)
    }
    thread.once('message', (message: ImportWorkerMessage) => {
      if (message.type === 'outcome') finish(undefined, message.outcome)
      else finish(new Error(message.message))
    })
    thread.once('error', (error) => finish(error))
    thread.once('exit', (code) => finish(new Error(`import worker stopped (exit code ${code})`)))
  })
}
