import { mkdtempSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { ClientConfig } from 'pg'
import { p50p95 } from '../../src/shared/live-call/percentile'
import {
  startLocalPostgres,
  stopLocalPostgres,
  type LocalPostgres
} from '../postgres/localPostgres'
import { machineLine } from './machineLine'
import { deskToDeskLatency } from './teamAlerts/deskToDeskLatency'

// npm run bench:team-alerts [-- --alerts 50 --gap-ms 20]: alert latency desk A → desk B over
// the team channel (LISTEN/NOTIFY). Two desks = two TeamChannels, each with its own pg
// connections, on a scratch local PostgreSQL (or the one in TEAM_DB_URL; never printed).
const { values } = parseArgs({
  options: {
    alerts: { type: 'string', default: '50' },
    'gap-ms': { type: 'string', default: '20' }
  }
})
const alerts = Number(values.alerts)
const gapMs = Number(values['gap-ms'])
if (!(alerts >= 1) || !(gapMs >= 0))
  throw new Error('usage: bench:team-alerts [-- --alerts 50 --gap-ms 20]')

console.log(
  `${machineLine()}, ${process.platform}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`
)
console.log('Target: an alert raised on desk A reaches desk B within 1 s\n')

const url = process.env['TEAM_DB_URL']
let local: LocalPostgres | null = null
let connection: ClientConfig
if (url) connection = { connectionString: url }
else {
  local = await startLocalPostgres({
    dir: mkdtempSync(join(tmpdir(), 'voice-console-bench-pg-')),
    throwaway: true
  })
  connection = local.config()
}
try {
  const latencies = await deskToDeskLatency(connection, alerts, gapMs)
  const { p50, p95 } = p50p95(latencies)
  const ms = (v: number | null): string => `${(v ?? NaN).toFixed(2)} ms`
  console.log(`PostgreSQL: ${local ? 'scratch local server (127.0.0.1, TCP)' : 'TEAM_DB_URL'}`)
  console.log(`Alerts A → B: ${latencies.length} of ${alerts} received, one every ${gapMs} ms`)
  console.log(`  p50 ${ms(p50)}   p95 ${ms(p95)}   max ${ms(Math.max(...latencies))}`)
  console.log(`  ${p95 !== null && p95 <= 1_000 ? 'within' : 'OVER'} the 1 s target`)
} finally {
  if (local) stopLocalPostgres(local.dir, { remove: true })
}
