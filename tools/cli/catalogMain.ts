import { runCatalogCli } from './catalogCli'

process.exitCode = await runCatalogCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text)
})
