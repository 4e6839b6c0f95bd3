import { once } from 'node:events'
import { runLabReportCli } from './labReportCli'

const code = await runLabReportCli(process.argv.slice(2), {
  out: async (text) => {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain')
  },
  err: (text) => process.stderr.write(text)
})
process.exitCode = code
