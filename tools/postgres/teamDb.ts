import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { createDatabase, localPostgresStatus, startLocalPostgres } from './localPostgres'
import { stopLocalPostgres } from './localPostgres'

// npm run team-db -- start|stop|status [--port N] [--dir D]: a local PostgreSQL for trying
// team mode (see docs/team-mode.md). `start` prints the URL of its `voice_console` database.

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string' }, dir: { type: 'string' } }
})
const command = positionals[0] ?? 'status'
const dir = resolve(values.dir ?? join(tmpdir(), 'voice-console-team-db'))
const DATABASE = 'voice_console'

async function hasDatabase(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])
    return rows.length > 0
  } finally {
    await client.end()
  }
}

async function main(): Promise<void> {
  if (command === 'start') {
    const running = localPostgresStatus(dir)
    if (running) {
      console.log(`Already running in ${dir}\n${running.url(DATABASE)}`)
      return
    }
    const port = values.port === undefined ? undefined : Number(values.port)
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
      throw new Error(`--port: expected a TCP port, got ${values.port}`)
    const server = await startLocalPostgres({ dir, port })
    if (!(await hasDatabase(server.url()))) await createDatabase(server, DATABASE)
    console.log(`PostgreSQL running in ${dir} (log: ${join(dir, 'postgres.log')})`)
    console.log(server.url(DATABASE))
  } else if (command === 'stop') {
    stopLocalPostgres(dir)
    console.log(`Stopped (the data stays in ${dir}; delete the folder to forget it)`)
  } else if (command === 'status') {
    const running = localPostgresStatus(dir)
    console.log(running ? `Running: ${running.url(DATABASE)}` : `Not running (${dir})`)
    if (!running) process.exitCode = 3
  } else {
    throw new Error(`Unknown command "${command}": start, stop or status`)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
