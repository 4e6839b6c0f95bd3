import { runLabReportCli } from './labReportCli'
import { workerTailRunner } from './workerTailRunner'

// Bundled (npm run build:cli), a big file's tail is read on a second thread by the tailWorker
// bundled beside this file; run from the TypeScript sources (tsx), the CLI reads on one.
const bundled = import.meta.url.endsWith('.mjs')
const tailRunner = bundled
  ? workerTailRunner(new URL('./tailWorker.mjs', import.meta.url))
  : undefined

const code = await runLabReportCli(
  process.argv.slice(2),
  {
    // Resolves on the write's callback, not at 'drain': then the bytes are out and the CLI may
    // reuse the buffer they came in.
    out: (text) =>
      new Promise<void>((resolve, reject) =>
        process.stdout.write(text, (error) => (error ? reject(error) : resolve()))
      ),
    err: (text) => process.stderr.write(text)
  },
  { ...(tailRunner && { tailRunner }) }
)
process.exitCode = code
