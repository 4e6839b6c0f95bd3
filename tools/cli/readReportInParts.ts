import { closeSync, fstatSync, openSync } from 'node:fs'
import { FastLabCsvReader, type LabCsvDialect } from '../../src/main/sessions/fastLabCsvReader'
import { LabCsvByteFeed, type FeedEnd } from '../../src/main/sessions/labCsvByteFeed'
import { READ_BYTES, type LabCsvSummary } from '../../src/main/sessions/labCsvSummary'
import type { LabReportColumns } from './labReportColumns'
import type { TailOutcome, TailTask } from './readTail'
import { SplitWord } from './splitWord'

/** Reads a file's tail beside the caller (readTail; on a worker thread in the CLI). */
export interface TailRunner {
  /** Starts the reader (a worker's start-up takes a while), to begin once the header is read. */
  start(task: TailTask): TailRun
}

export interface TailRun {
  /** The file's dialect and header, read by the head: the tail's reading begins. */
  begin(dialect: LabCsvDialect): void
  /** The tail's outcome; undefined if reading it failed (the head then reads on alone). */
  outcome(): Promise<TailOutcome | undefined>
  /** Stops the reading if it is still going on. */
  stop(): void
}

export interface PartsOptions {
  readBytes?: number
  /** Smaller files are read on one thread: a worker's start-up costs more than it saves. */
  minFileBytes?: number
  /** The smallest tail worth reading apart. */
  minTailBytes?: number
}

/**
 * How the tail went: `used` (read on the other thread, and its rows appended or its problem
 * taken as the file's), `readOn` (not used: this thread read it again), `none` (no tail read
 * apart).
 */
export type TailUse = 'used' | 'readOn' | 'none'

export interface PartsResult {
  /** readLabCsvFast's result. */
  summary: LabCsvSummary | undefined
  tail: TailUse
}

/**
 * Below this a second thread does not pay for itself on the 2-vCPU build VM: a worker takes
 * 80–150 ms to start and reads its first megabytes cold, and two busy vCPUs there are far from
 * twice one. Whole runs with it, quiet, were slower up to 36 MB, as fast at 54 MB, faster from
 * 67 MB on; under other load the break-even moves up (docs/csv-and-cli.md).
 */
export const MIN_FILE_BYTES = 64 << 20
const MIN_TAIL_BYTES = 4 << 20

/**
 * readLabCsvFast into a LabReportColumns, on two threads for a big file: `runner` starts at
 * once, and once the header is read it reads a tail of the file beside this thread, from a row
 * break it claims about half-way through what is left then (SplitWord), while this thread
 * reads the head up to there. The break is a guess (a newline in a quoted field is no row
 * break): it is taken only if the head's last row ends exactly there. Then the tail's rows are
 * what a reading of the whole file here would have met from there, so a tail with a problem
 * means a file with one (undefined), and a tail without is appended to the head (its rows and
 * warnings numbered on from the head's, its sums added when that is exact:
 * LabReportColumns.appendTail). In any other case (no break, a failed or unusable tail) this
 * thread reads on alone from the break. Same summary, same row numbers and warnings, same
 * report, as readLabCsvFast.
 */
export async function readReportInParts(
  path: string,
  report: LabReportColumns,
  runner: TailRunner,
  options: PartsOptions = {}
): Promise<PartsResult> {
  const readBytes = options.readBytes ?? READ_BYTES
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return { summary: undefined, tail: 'none' }
  }
  let run: TailRun | undefined
  let word: SplitWord | undefined
  try {
    const size = fstatSync(fd).size
    const reader = new FastLabCsvReader(report, size)
    const feed = new LabCsvByteFeed(fd, readBytes)
    if (size >= (options.minFileBytes ?? MIN_FILE_BYTES)) {
      const created = SplitWord.create(0)
      try {
        run = runner.start({
          path,
          size,
          split: created.buffer,
          readBytes,
          minTailBytes: options.minTailBytes ?? MIN_TAIL_BYTES
        })
        word = created
      } catch {
        // No second thread: read alone.
      }
    }
    let begun = false
    const limit = (to: number): number => {
      if (!word) return to
      if (!begun) {
        const dialect = reader.dialect()
        if (dialect) {
          begun = true
          run!.begin(dialect)
        }
      }
      return word.reserve(to)
    }
    let end: FeedEnd = feed.run(reader, limit)
    if (end !== 'limit')
      return { summary: end === 'end' ? reader.finish() : undefined, tail: 'none' }
    const tail = feed.consumed === word!.split ? await run!.outcome() : undefined
    if (tail?.type === 'gaveUp') return { summary: undefined, tail: 'used' }
    if (tail?.type === 'read' && tail.warnings) {
      const appended = report.appendTail(tail.columns)
      if (appended === 'duplicate') return { summary: undefined, tail: 'used' }
      if (appended === 'appended') {
        reader.appendTail(tail.rows, tail.sessions, tail.warnings)
        return { summary: reader.finish(), tail: 'used' }
      }
    }
    end = feed.run(reader)
    return { summary: end === 'end' ? reader.finish() : undefined, tail: 'readOn' }
  } catch {
    return { summary: undefined, tail: 'none' }
  } finally {
    word?.close()
    run?.stop()
    closeSync(fd)
  }
}
