import { once } from 'node:events'
import { parentPort, workerData } from 'node:worker_threads'
import type { LabCsvDialect } from '../../src/main/sessions/fastLabCsvReader'
import { transferables } from './labReportColumns'
import { readTail, type TailTask } from './readTail'

// The CLI's second thread: started with the file, it gets the dialect once the main thread has
// read the header, reads a tail of the file (readReportInParts) and posts what it read, its
// arrays moved to the main thread, not copied.
const [dialect] = (await once(parentPort!, 'message')) as [LabCsvDialect]
const outcome = readTail(workerData as TailTask, dialect)
parentPort!.postMessage(outcome, outcome.type === 'read' ? transferables(outcome.columns) : [])
