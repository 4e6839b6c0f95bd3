import { MessageChannel, Worker } from 'node:worker_threads'
import type { ImportOutcome } from '../../shared/sessions/importOutcome'
import type { ImportRequest, ImportWorkerMessage, LabCsvWorkerData } from './labCsvWorkerData'
import type { LabCsvWorkerScript } from './readLabCsvInWorker'

/**
 * Runs a whole import (importSessionsFile) on a labCsvWorker while a second one parses the file
 * and posts the sessions straight to it: main's thread only waits for the outcome, so its event
 * loop keeps serving the window and live calls.
 */
export function importInWorker(
  worker: LabCsvWorkerScript,
  request: ImportRequest
): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const acknowledged = new SharedArrayBuffer(4)
    const { port1, port2 } = new MessageChannel()
    const start = (data: LabCsvWorkerData, port: typeof port1): Worker =>
      new Worker(worker.script, {
        workerData: data,
        transferList: [port],
        ...(worker.execArgv && { execArgv: worker.execArgv })
      })
    const importer = start({ task: 'import', request, acknowledged, port: port1 }, port1)
    // importSessionsFile's visitor can restart, so the parser tries its byte reader first.
    const parser = start(
      { task: 'parse', path: request.path, acknowledged, port: port2, fast: true },
      port2
    )
    let settled = false
    const finish = (error: Error | undefined, outcome?: ImportOutcome): void => {
      if (settled) return
      settled = true
      void parser.terminate()
      void importer.terminate()
      if (error) reject(error)
      else resolve(outcome!)
    }
    importer.once('message', (message: ImportWorkerMessage) => {
      if (message.type === 'outcome') finish(undefined, message.outcome)
      else finish(new Error(message.message))
    })
    importer.once('error', (error) => finish(error))
    importer.once('exit', (code) => finish(new Error(`import worker stopped (exit code ${code})`)))
    // A parser that dies without a word would leave the importer waiting for its sessions.
    parser.once('error', (error) => finish(error))
    parser.once('exit', (code) => {
      if (code !== 0) finish(new Error(`CSV worker stopped (exit code ${code})`))
    })
  })
}
