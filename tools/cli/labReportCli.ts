import { parseArgs } from 'node:util'
import { LabReportAccumulator } from '../../src/shared/analytics/labReport'
import { LabReportColumns, labReportJsonChunks } from './labReportColumns'
import { labReportLines } from '../../src/shared/analytics/labReportText'
import { formatIssue, formatWarning } from '../../src/shared/sessions/importIssues'
import { readLabCsv } from '../../src/main/sessions/readLabCsv'
import { readLabCsvFast } from '../../src/main/sessions/readLabCsvFast'

export const EXIT_BAD_FILE = 2
export const EXIT_USAGE = 64

const USAGE = `Usage: voice-console-report FILE.csv [--json] [--max-rows N]

Prints the Lab 059 report (latency, sentiment, RAG, interruptions, language) for a CSV in the
lab's voice_sessions.csv schema. Streams the file, so millions of rows work in bounded memory.

  --json        full-precision figures as JSON instead of the lab's rounded text
  --max-rows N  list at most N sessions per table in the text report (default: all)

Exit codes: 0 report printed, 2 the file is unreadable or invalid (problems on stderr), 64 usage.
`

const OPTIONS = {
  json: { type: 'boolean' },
  'max-rows': { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const

interface Io {
  /** Resolves when the text may be followed by more (stdout backpressure); Buffers are UTF-8. */
  out: (text: string | Buffer) => void | Promise<void>
  err: (text: string) => void
}

const CHUNK_CHARS = 1 << 16

/** Joins small pieces into ~64 KB writes; bytes (UTF-8) go out as they are. */
async function writeAll(
  pieces: Iterable<string | Uint8Array>,
  separator: string,
  io: Io
): Promise<void> {
  let buffer = ''
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      if (buffer) await io.out(buffer)
      buffer = separator
      await io.out(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength))
      continue
    }
    buffer += piece + separator
    if (buffer.length >= CHUNK_CHARS) {
      await io.out(buffer)
      buffer = ''
    }
  }
  if (buffer) await io.out(buffer)
}

/** Runs the CLI; returns the exit code instead of exiting so tests can call it. */
export async function runLabReportCli(argv: string[], io: Io): Promise<number> {
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

  // The fast reader vouches only for files without a problem; for any other file it gives up
  // and readLabCsv reads it again from the start, so messages stay exactly as they were.
  let report: LabReportAccumulator | LabReportColumns = new LabReportColumns()
  let summary = readLabCsvFast(file, report)
  try {
    if (!summary) {
      const fresh = new LabReportAccumulator()
      report = fresh
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
  const view = report.view()
  if (args.values.json) {
    await writeAll(labReportJsonChunks(view), '', io)
    await io.out('\n')
  } else {
    await writeAll(labReportLines(view, maxRows), '\n', io)
  }
  return 0
}
