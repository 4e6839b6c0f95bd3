import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ClientConfig } from 'pg'

// A throwaway PostgreSQL for the team channel's tests and bench: initdb + pg_ctl in a scratch
// folder on a free port, as `nobody` when we are root (PostgreSQL refuses to run as root).

const POSTGRES_ROOT = '/usr/lib/postgresql'

/** The newest installed major's bin folder, or null without Debian's postgresql package. */
export function postgresBinDir(): string | null {
  if (!existsSync(POSTGRES_ROOT)) return null
  const majors = readdirSync(POSTGRES_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(POSTGRES_ROOT, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a))
  return majors[0] === undefined ? null : join(POSTGRES_ROOT, majors[0], 'bin')
}

const isRoot = process.getuid?.() === 0

export const postgresAvailable = postgresBinDir() !== null

export interface LocalPostgres {
  /** Trust authentication on 127.0.0.1: tests only. */
  config: ClientConfig
  /** Stops the server (fast shutdown: sessions are cut, as when a database host goes away). */
  stopServer(): void
  startServer(): void
  /** Stops the server and removes its folder. */
  dispose(): void
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port'))
      )
    })
  })
}

function idOf(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim())
}

export async function startLocalPostgres(): Promise<LocalPostgres> {
  const bin = postgresBinDir()
  if (bin === null) throw new Error(`no PostgreSQL under ${POSTGRES_ROOT}`)
  const dir = mkdtempSync(join(tmpdir(), 'team-pg-'))
  if (isRoot) chownSync(dir, idOf('-u'), idOf('-g'))
  const data = join(dir, 'data')
  const run = (tool: string, args: string[]): void => {
    const [file, argv] = isRoot
      ? ['runuser', ['-u', 'nobody', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args]
    execFileSync(file, argv, { stdio: 'pipe', cwd: dir })
  }
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'])
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  const startServer = (): void =>
    run('pg_ctl', ['start', '-w', '-D', data, '-l', join(dir, 'server.log'), '-o', options])
  const stopServer = (): void => run('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data])
  startServer()
  return {
    config: { host: '127.0.0.1', port, user: 'postgres', database: 'postgres' },
    stopServer,
    startServer,
    dispose: () => {
      try {
        stopServer()
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
