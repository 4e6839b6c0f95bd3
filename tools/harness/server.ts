import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startHarness } from './startHarness'
import { parseTeamFlags, TeamFlagError, type TeamFlags } from './teamFlags'
import { teamUrlWithoutPassword } from '../../src/shared/settings/teamUrl'

// npm run harness -- --port 5180 --data-dir DIR [--team-db URL --seat NAME --role agent|supervisor]
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    'data-dir': { type: 'string' },
    'renderer-dir': { type: 'string' },
    'team-db': { type: 'string' },
    seat: { type: 'string' },
    role: { type: 'string' }
  }
})
let team: TeamFlags | null
try {
  team = parseTeamFlags({ teamDb: values['team-db'], seat: values.seat, role: values.role })
} catch (error) {
  if (!(error instanceof TeamFlagError)) throw error
  console.error(`Harness not started: ${error.message}`)
  process.exit(2)
}
const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'voice-console-harness-'))
const harness = await startHarness({
  port: Number(values.port),
  dataDir,
  rendererDir: values['renderer-dir'],
  ...(team ? { team } : {})
})
console.log(`Browser harness on ${harness.url} (data: ${dataDir})`)
if (team) {
  const { seat, role } = harness.services.team.identity()
  console.log(
    `Team desk: seat ${seat}, ${role}, on ${teamUrlWithoutPassword(team.team.connection)}`
  )
  // Said at start: a desk that fell back records on its own file for this run.
  const { backend, fallbackReason } = harness.services.database
  console.log(backend === 'postgres' ? 'Recording on the team database' : `${fallbackReason}`)
}
const stop = (): void => void harness.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
