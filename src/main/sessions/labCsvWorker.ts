import { parentPort, workerData } from 'node:worker_threads'
import type { ImportIssue } from '../../shared/sessions/importIssues'
import { MAX_BATCHES_IN_FLIGHT, SessionBatchPacker, WorkerMessage } from './packedSessions'
import { readLabCsv } from './readLabCsv'

// Worker entry: parses and validates one CSV off the consumer's thread and posts the sessions
// in packed batches. It blocks (Atomics.wait) when it is MAX_BATCHES_IN_FLIGHT ahead.
const { path, acknowledged } = workerData as { path: string; acknowledged: SharedArrayBuffer }
const acked = new Int32Array(acknowledged)
const port = parentPort!
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
