import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startHarness } from './startHarness'

// npm run harness -- --port 5180 --data-dir DIR
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    'data-dir': { type: 'string' },
    'renderer-dir': { type: 'string' }
  }
})
const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'voice-console-harness-'))
const harness = await startHarness({
  port: Number(values.port),
  dataDir,
  rendererDir: values['renderer-dir']
})
console.log(`Browser harness on ${harness.url} (data: ${dataDir})`)
const stop = (): void => void harness.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
