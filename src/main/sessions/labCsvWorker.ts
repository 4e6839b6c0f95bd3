import { parentPort, workerData } from 'node:worker_threads'
import type { ImportIssue } from '../../shared/sessions/importIssues'
import { importSessionsFile } from './importSessionsFile'
import type { ImportWorkerMessage, LabCsvWorkerData } from './labCsvWorkerData'
import { MAX_BATCHES_IN_FLIGHT, SessionBatchPacker, WorkerMessage } from './packedSessions'
import { readLabCsv } from './readLabCsv'
import { workerLabCsvReader } from './readLabCsvInWorker'

// Worker entry, two tasks. 'import': a whole import (importInWorker), off main's thread; it
// starts this script again for 'parse', so parsing and writing run side by side. 'parse': reads
// and validates one CSV and posts the sessions in packed batches; it blocks (Atomics.wait) when
// it is MAX_BATCHES_IN_FLIGHT ahead of the thread that stages them.
const data = workerData as LabCsvWorkerData
const port = parentPort!

async function parse(path: string, acknowledged: SharedArrayBuffer): Promise<void> {
  const acked = new Int32Array(acknowledged)
  const packer = new SessionBatchPacker()
  let sent = 0
  let issues: ImportIssue[] = []
  const post = (message: WorkerMessage): void => {
    if (message.type === 'sessions') {
      let done = Atomics.load(acked, 0)
      while (sent - done >= MAX_BATCHES_IN_FLIGHT) {
        Atomics.wait(acked, 0, done, 1000)
        done = Atomics.load(acked, 0)
      }
      sent++
      port.postMessage(message, [message.numbers.buffer as ArrayBuffer])
    } else port.postMessage(message)
  }
  try {
    const summary = await readLabCsv(path, {
      session: (session, row) => {
        const batch = packer.add(session, row)
        if (batch) post(batch)
      },
      issue: (issue) => {
        issues.push(issue)
        if (issues.length >= 1000) {
          post({ type: 'issues', issues })
          issues = []
        }
      }
    })
    const last = packer.take()
    if (last) post(last)
    if (issues.length) post({ type: 'issues', issues })
    post({ type: 'done', summary })
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}

async function runImport(task: Extract<LabCsvWorkerData, { task: 'import' }>): Promise<void> {
  const script = task.script.startsWith('file:') ? new URL(task.script) : task.script
  let message: ImportWorkerMessage
  try {
    const outcome = await importSessionsFile(
      task.request,
      workerLabCsvReader(script, task.execArgv)
    )
    message = { type: 'outcome', outcome }
  } catch (error) {
    message = { type: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(message)
}

if (data.task === 'import') await runImport(data)
else await parse(data.path, data.acknowledged)
