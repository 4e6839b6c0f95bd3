import { parseArgs } from 'node:util'
import { LabReportAccumulator } from '../../src/shared/analytics/labReport'
import { LabReportColumns, labReportJsonChunks } from './labReportColumns'
import { labReportLines } from '../../src/shared/analytics/labReportText'
import { formatIssue, formatWarning } from '../../src/shared/sessions/importIssues'
import { readLabCsvFast } from '../../src/main/sessions/readLabCsvFast'
import { readReportInParts, type PartsOptions, type TailRunner } from './readReportInParts'
import { isTeamDatabaseUrl, printableUrl } from './teamDatabaseUrl'

export const EXIT_BAD_FILE = 2
export const EXIT_USAGE = 64

const USAGE = `Usage: voice-console-report FILE.csv|postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE [--json] [--max-rows N]

Prints the Lab 059 report (latency, sentiment, RAG, interruptions, language) for a CSV in the
lab's voice_sessions.csv schema, or for every session of a team database (PostgreSQL, team
mode; the password may come from PGPASSWORD instead of the URL). Streams the file or the table,
so millions of rows work in bounded memory.

  --json        full-precision figures as JSON instead of the lab's rounded text
  --max-rows N  list at most N sessions per table in the text report (default: all)

Exit codes: 0 report printed, 2 the file or database is unreadable or invalid (problems on
stderr), 64 usage.
`

const OPTIONS = {
  json: { type: 'boolean' },
  'max-rows': { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const

interface Io {
  /**
   * Resolves once the text is written out (stdout has it): a Buffer passed here may be
   * overwritten after that. Buffers are UTF-8.
   */
  out: (text: string | Buffer) => void | Promise<void>
  err: (text: string) => void
}

/** How the CLI may use a second thread (none: one thread, as tests and the tsx fallback run). */
export interface CliThreads {
  /** Reads the tail of a big file beside the main thread (readReportInParts). */
  tailRunner?: TailRunner
  parts?: PartsOptions
}

const CHUNK_BYTES = 1 << 16

/**
 * Writes the pieces: strings encoded into one reused 64 KB buffer (ASCII byte by byte), byte
 * pieces as they are. A fresh string or Buffer per write was garbage the GC let pile up: ~80 MB
 * of peak RSS while writing 10M rows.
 */
async function writeAll(
  pieces: Iterable<string | Uint8Array>,
  separator: string,
  io: Io
): Promise<void> {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES)
  let length = 0
  const put = (text: string): void => {
    let i = 0
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c > 0x7f) break
      buffer[length + i] = c
    }
    length += i
    if (i < text.length) length += utf8.encodeInto(text.slice(i), buffer.subarray(length)).written
  }
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? undefined : piece
    const text = bytes ? '' : (piece as string)
    // A UTF-16 code unit takes at most 3 bytes of UTF-8; awaits only when a write is due.
    if (bytes || length + (text.length + separator.length) * 3 > CHUNK_BYTES) {
      if (length > 0) await io.out(buffer.subarray(0, length))
      length = 0
    }
    if (bytes) await io.out(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    else if (text.length * 3 > CHUNK_BYTES) await io.out(text)
    else put(text)
    put(separator)
  }
  if (length > 0) await io.out(buffer.subarray(0, length))
}

const utf8 = new TextEncoder()

/** Runs the CLI; returns the exit code instead of exiting so tests can call it. */
export async function runLabReportCli(
  argv: string[],
  io: Io,
  threads: CliThreads = {}
): Promise<number> {
  let args: {
    values: { json?: boolean; 'max-rows'?: string; help?: boolean }
    positionals: string[]
  }
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS })
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`)
    return EXIT_USAGE
  }
  if (args.values.help) {
    io.out(USAGE)
    return 0
  }
  const file = args.positionals[0]
  const maxRows = args.values['max-rows'] === undefined ? Infinity : Number(args.values['max-rows'])
  if (!file || args.positionals.length > 1 || !(maxRows >= 0)) {
    io.err(USAGE)
    return EXIT_USAGE
  }

  if (isTeamDatabaseUrl(file))
    return reportTeamDatabase(file, args.values.json ?? false, maxRows, io)

  // The fast reader vouches only for files without a problem; for any other file it gives up
  // and readLabCsv reads it again from the start, so messages stay exactly as they were.
  const columns = new LabReportColumns()
  let report: LabReportAccumulator | LabReportColumns = columns
  let summary = threads.tailRunner
    ? (await readReportInParts(file, columns, threads.tailRunner, threads.parts)).summary
    : readLabCsvFast(file, columns)
  try {
    if (!summary) {
      const fresh = new LabReportAccumulator()
      report = fresh
      // Loaded only for such a file, as pg only for a database: start-up is part of every run.
      const { readLabCsv } = await import('../../src/main/sessions/readLabCsv')
      summary = await readLabCsv(file, {
        session: (session) => fresh.add(session),
        issue: (issue) => io.err(`${file}: ${formatIssue(issue)}\n`)
      })
    }
  } catch (error) {
    io.err(`${file}: cannot read: ${(error as Error).message}\n`)
    return EXIT_BAD_FILE
  }
  for (const warning of summary.warnings) io.err(`${file}: warning: ${formatWarning(warning)}\n`)
  if (summary.issueCount > 0) {
    io.err(`${file}: ${summary.issueCount} problem(s) found; no report printed.\n`)
    return EXIT_BAD_FILE
  }
  await printReport(report, args.values.json ?? false, maxRows, io)
  return 0
}

async function printReport(
  report: LabReportAccumulator | LabReportColumns,
  json: boolean,
  maxRows: number,
  io: Io
): Promise<void> {
  const view = report.view()
  if (json) {
    await writeAll(labReportJsonChunks(view), '', io)
    await io.out('\n')
  } else {
    await writeAll(labReportLines(view, maxRows), '\n', io)
  }
}

/** The report over a team database's sessions: what it stores passed its checks on the way in. */
async function reportTeamDatabase(
  url: string,
  json: boolean,
  maxRows: number,
  io: Io
): Promise<number> {
  const report = new LabReportAccumulator()
  try {
    const { eachTeamSession } = await import('./teamDatabaseSource')
    await eachTeamSession(url, (session) => report.add(session))
  } catch (error) {
    io.err(`${printableUrl(url)}: cannot read: ${(error as Error).message}\n`)
    return EXIT_BAD_FILE
  }
  await printReport(report, json, maxRows, io)
  return 0
}
