import { Worker } from 'node:worker_threads'

// Plain CommonJS so it runs from a string: no bundler entry needed for so small a worker.
const CHECKPOINT = `
const { DatabaseSync } = require('node:sqlite')
const { workerData } = require('node:worker_threads')
const db = new DatabaseSync(workerData.path)
try {
  db.exec('PRAGMA busy_timeout = 5000')
  db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get()
} finally {
  db.close()
}`

/**
 * Copies the write-ahead log into the database file on a worker thread, so a big import does not
 * block the main thread for the copy and its fsyncs (a PASSIVE checkpoint: readers and writers
 * carry on). Resolves when done, with the error if it failed; a checkpoint that did not happen
 * is harmless: the data is in the log, and SQLite's next checkpoint copies it.
 */
export function checkpointInBackground(databasePath: string): Promise<Error | undefined> {
  return new Promise((resolve) => {
    let failure: Error | undefined
    const worker = new Worker(CHECKPOINT, { eval: true, workerData: { path: databasePath } })
    worker.once('error', (error) => (failure = error))
    worker.once('exit', (code) =>
      resolve(failure ?? (code === 0 ? undefined : new Error(`checkpoint exited with ${code}`)))
    )
  })
}
