import { MessagePort, parentPort, workerData } from 'node:worker_threads'
import type { ImportIssue } from '../../shared/sessions/importIssues'
import { importSessionsFile } from './importSessionsFile'
import { openSqliteImport } from './openSqliteImport'
import type { ImportWorkerMessage, LabCsvWorkerData } from './labCsvWorkerData'
import { MAX_BATCHES_IN_FLIGHT, SessionBatchPacker, WorkerMessage } from './packedSessions'
import { PackingLabCsvSink } from './packingLabCsvSink'
import { readLabCsv } from './readLabCsv'
import { readLabCsvFast } from './readLabCsvFast'
import { LabCsvReader, receiveLabCsv } from './readLabCsvInWorker'

// Worker entry, two tasks. 'parse': reads and validates one CSV and posts the sessions in packed
// batches (to main, or straight to an import worker); it blocks (Atomics.wait) when it is
// MAX_BATCHES_IN_FLIGHT ahead of the thread that takes them. With `fast`, the byte reader
// (readLabCsvFast, about twice Papa Parse's speed) goes first; if it gives the file up, the
// worker posts 'restart' (the taker forgets what it got) and readLabCsv reads the file again.
// 'import': a whole import (importInWorker) off main's thread, taking the sessions a parsing
// worker posts beside it.
const data = workerData as LabCsvWorkerData

async function parse(
  path: string,
  acknowledged: SharedArrayBuffer,
  port: MessagePort | typeof parentPort,
  fast: boolean
): Promise<void> {
  const acked = new Int32Array(acknowledged)
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
      port!.postMessage(message, [message.numbers.buffer as ArrayBuffer])
    } else port!.postMessage(message)
  }
  try {
    if (fast) {
      const sink = new PackingLabCsvSink(post)
      const summary = readLabCsvFast(path, sink)
      if (summary) {
        const last = sink.take()
        if (last) post(last)
        post({ type: 'done', summary })
        return
      }
      // The byte reader gave the file up (a problem, UTF-16, …): readLabCsv reads it again from
      // the start, for its exact issues. What was posted already must not count twice.
      if (sink.posted > 0) post({ type: 'restart' })
    }
    const packer = new SessionBatchPacker()
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
  const read: LabCsvReader = (_path, visitor) =>
    new Promise((resolve, reject) =>
      receiveLabCsv(
        (listener) => task.port.on('message', listener),
        task.acknowledged,
        visitor,
        (error, summary) => {
          task.port.close()
          if (error) reject(error)
          else resolve(summary!)
        }
      )
    )
  let message: ImportWorkerMessage
  try {
    message = {
      type: 'outcome',
      outcome: await importSessionsFile(task.request, read, (options) =>
        openSqliteImport(task.request.databasePath, options)
      )
    }
  } catch (error) {
    message = { type: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
  parentPort!.postMessage(message)
}

if (data.task === 'import') await runImport(data)
else await parse(data.path, data.acknowledged, data.port ?? parentPort, data.fast === true)
