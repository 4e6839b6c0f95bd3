import { Worker } from 'node:worker_threads'
import { unpackSessions, WorkerMessage } from './labCsvTransfer'
import type { LabCsvSummary, LabCsvVisitor } from './readLabCsv'

export type LabCsvReader = (path: string, visitor: LabCsvVisitor) => Promise<LabCsvSummary>

/**
 * readLabCsv on a worker thread: parsing and validation (about half of an import's time) run
 * beside the consumer's inserts. Same visitor, same order, same results.
 * `workerScript` is the bundled labCsvWorker; `execArgv` lets tests run it from TypeScript.
 */
export function workerLabCsvReader(workerScript: URL | string, execArgv?: string[]): LabCsvReader {
  return (path, visitor) =>
    new Promise((resolve, reject) => {
      const acknowledged = new SharedArrayBuffer(4)
      const acked = new Int32Array(acknowledged)
      const worker = new Worker(workerScript, {
        workerData: { path, acknowledged },
        ...(execArgv && { execArgv })
      })
      let settled = false
      const finish = (error: Error | undefined, summary?: LabCsvSummary): void => {
        if (settled) return
        settled = true
        void worker.terminate()
        if (error) reject(error)
        else resolve(summary!)
      }
      worker.on('message', (message: WorkerMessage) => {
        try {
          if (message.type === 'sessions') {
            unpackSessions(message, (session, row) => visitor.session(session, row))
            Atomics.add(acked, 0, 1)
            Atomics.notify(acked, 0)
          } else if (message.type === 'issues') message.issues.forEach((i) => visitor.issue(i))
          else if (message.type === 'done') finish(undefined, message.summary)
          else finish(new Error(message.message))
        } catch (error) {
          finish(error as Error)
        }
      })
      worker.on('error', (error) => finish(error))
      worker.on('exit', (code) => finish(new Error(`CSV worker stopped (exit code ${code})`)))
    })
}
