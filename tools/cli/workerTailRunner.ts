import { Worker } from 'node:worker_threads'
import type { TailRun, TailRunner } from './readReportInParts'
import type { TailOutcome } from './readTail'

/** Reads tails on a worker thread running `script` (the bundled tailWorker). */
export function workerTailRunner(script: URL | string, execArgv?: string[]): TailRunner {
  return {
    start(task): TailRun {
      const worker = new Worker(script, { workerData: task, ...(execArgv && { execArgv }) })
      const outcome = new Promise<TailOutcome | undefined>((resolve) => {
        worker.once('message', (message: TailOutcome) => resolve(message))
        worker.once('error', () => resolve(undefined))
        worker.once('exit', () => resolve(undefined))
      })
      return {
        begin: (dialect) => worker.postMessage(dialect),
        outcome: () => outcome,
        stop: () => void worker.terminate()
      }
    }
  }
}
