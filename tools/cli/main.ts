import { runLabReportCli } from './labReportCli'

const code = await runLabReportCli(process.argv.slice(2), {
  // Resolves on the write's callback, not at 'drain': then the bytes are out and the CLI may
  // reuse the buffer they came in.
  out: (text) =>
    new Promise<void>((resolve, reject) =>
      process.stdout.write(text, (error) => (error ? reject(error) : resolve()))
    ),
  err: (text) => process.stderr.write(text)
})
process.exitCode = code
