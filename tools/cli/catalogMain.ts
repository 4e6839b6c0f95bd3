import { runCatalogCli } from './catalogCli'

process.exitCode = runCatalogCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text)
})
