import { runLabReportCli } from './labReportCli'

// Large reports are written in one call; wait for stdout to drain before exiting.
const code = await runLabReportCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text)
})
process.exitCode = code
