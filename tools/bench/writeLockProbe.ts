import { Worker } from 'node:worker_threads'

// Plain CommonJS run from a string: a writer on a thread of its own that, every millisecond,
// tries to take the database's write lock without waiting (busy_timeout 0), as a live call's
// append would, and times the spans it was refused.
const PROBE = `
const { DatabaseSync } = require('node:sqlite')
const { parentPort, workerData } = require('node:worker_threads')
const stop = new Int32Array(workerData.stop)
const db = new DatabaseSync(workerData.path)
db.exec('PRAGMA busy_timeout = 0')
let longestMs = 0, busyMs = 0, since = -1, tries = 0
while (Atomics.load(stop, 0) === 0) {
  const at = performance.now()
  tries++
  try {
    db.exec('BEGIN IMMEDIATE')
    db.exec('ROLLBACK')
    if (since >= 0) { busyMs += at - since; longestMs = Math.max(longestMs, at - since); since = -1 }
  } catch (error) {
    if (!/locked|busy/i.test(String(error && error.message))) throw error
    if (since < 0) since = at
  }
  Atomics.wait(stop, 0, 0, 1)
}
if (since >= 0) { const end = performance.now(); busyMs += end - since; longestMs = Math.max(longestMs, end - since) }
db.close()
parentPort.postMessage({ longestMs, busyMs, tries })`

export interface WriteLockFigures {
  /** The longest span a no-wait writer found the lock taken. */
  longestMs: number
  /** All spans together. */
  busyMs: number
  tries: number
}

/** Starts probing the write lock of the database at `path`; stop() returns what it saw. */
export function probeWriteLock(path: string): { stop(): Promise<WriteLockFigures> } {
  const stop = new SharedArrayBuffer(4)
  const worker = new Worker(PROBE, { eval: true, workerData: { path, stop } })
  const figures = new Promise<WriteLockFigures>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  return {
    stop: () => {
      Atomics.store(new Int32Array(stop), 0, 1)
      return figures
    }
  }
}
