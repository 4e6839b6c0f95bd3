import { Worker } from 'node:worker_threads'
import type { LabCsvWorkerData } from './labCsvWorkerData'
import { SessionBatch, unpackSessions, WorkerMessage } from './packedSessions'
import type { LabCsvSummary, LabCsvVisitor } from './readLabCsv'

/** A visitor that can also take the worker's packed batches as they come (no object per row). */
export interface BatchLabCsvVisitor extends LabCsvVisitor {
  /** Valid sessions in file order; when present, session() is not called. */
  sessions?(batch: SessionBatch): void
  /**
   * Forget every session received so far: the file is read again from its start (no issue
   * comes before). A visitor with it lets the worker try its byte reader first.
   */
  restart?(): void
}

/** The bundled labCsvWorker, and the Node options to run it with (tests run it through tsx). */
export interface LabCsvWorkerScript {
  script: URL | string
  execArgv?: string[]
}

/** Reads a lab CSV; a worker reader names its worker, so a whole import can run on it. */
export type LabCsvReader = ((
  path: string,
  visitor: BatchLabCsvVisitor
) => Promise<LabCsvSummary>) & {
  readonly worker?: LabCsvWorkerScript
}

/**
 * Takes a parsing worker's messages (through `onMessage`: from the worker, or from a port it
 * posts to) and hands them to `visitor`, acknowledging each batch; `finish` gets the summary once
 * done, or the first error.
 */
export function receiveLabCsv(
  onMessage: (listener: (message: WorkerMessage) => void) => void,
  acknowledged: SharedArrayBuffer,
  visitor: BatchLabCsvVisitor,
  finish: (error: Error | undefined, summary?: LabCsvSummary) => void
): void {
  const acked = new Int32Array(acknowledged)
  const take = visitor.sessions
    ? (batch: SessionBatch) => visitor.sessions!(batch)
    : (batch: SessionBatch) => unpackSessions(batch, (s, row) => visitor.session(s, row))
  onMessage((message) => {
    try {
      if (message.type === 'sessions') {
        take(message)
        Atomics.add(acked, 0, 1)
        Atomics.notify(acked, 0)
      } else if (message.type === 'issues') message.issues.forEach((i) => visitor.issue(i))
      else if (message.type === 'restart') {
        if (!visitor.restart) throw new Error('the CSV worker restarted a reader that cannot')
        visitor.restart()
      } else if (message.type === 'done') finish(undefined, message.summary)
      else finish(new Error(message.message))
    } catch (error) {
      finish(error as Error)
    }
  })
}

/**
 * readLabCsv on a worker thread: parsing and validation run beside the consumer's writes.
 * Same sessions, same order, same results.
 * `workerScript` is the bundled labCsvWorker; `execArgv` lets tests run it from TypeScript.
 */
export function workerLabCsvReader(workerScript: URL | string, execArgv?: string[]): LabCsvReader {
  const read = (path: string, visitor: BatchLabCsvVisitor): Promise<LabCsvSummary> =>
    new Promise((resolve, reject) => {
      const acknowledged = new SharedArrayBuffer(4)
      const worker = new Worker(workerScript, {
        workerData: {
          task: 'parse',
          path,
          acknowledged,
          fast: visitor.restart !== undefined
        } satisfies LabCsvWorkerData,
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
      receiveLabCsv((listener) => worker.on('message', listener), acknowledged, visitor, finish)
      worker.on('error', (error) => finish(error))
      worker.on('exit', (code) => finish(new Error(`CSV worker stopped (exit code ${code})`)))
    })
  return Object.assign(read, { worker: { script: workerScript, ...(execArgv && { execArgv }) } })
}
