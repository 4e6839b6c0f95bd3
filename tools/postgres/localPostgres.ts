import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import {
  appendFileSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync
} from 'node:fs'
import { rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import pg, { type ClientConfig } from 'pg'

// A scratch PostgreSQL for trying team mode and for the tests: Debian's `postgresql` package,
// initdb and pg_ctl in a folder of its own, on a free port of 127.0.0.1, as a non-root user
// (PostgreSQL refuses to run as root: as root, the server runs as `nobody` through runuser).
// Trust authentication on 127.0.0.1 by default (a local trial server, never a team's real
// database); tests may ask for a superuser password (SCRAM) and for TLS with a certificate.

/** The folder with initdb and pg_ctl: $PG_BIN, else the newest /usr/lib/postgresql/<major>/bin. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env['PG_BIN']
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : null
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a))
  return majors[0] ? join(root, majors[0], 'bin') : null
}

/** Who runs the server: this user, or `nobody` (through runuser) when this is root. */
interface RunAs {
  user: string | null
  uid: number
  gid: number
}

function numericId(flag: '-u' | '-g', user: string): number | null {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' })
  return result.status === 0 ? Number(result.stdout.trim()) : null
}

export function serverUser(): RunAs {
  const uid = process.getuid?.() ?? 1
  if (uid !== 0) return { user: null, uid, gid: process.getgid?.() ?? 1 }
  const runuser = spawnSync('runuser', ['--help'], { stdio: 'ignore' })
  const nobodyUid = numericId('-u', 'nobody')
  const nobodyGid = numericId('-g', 'nobody')
  if (runuser.error || nobodyUid === null || nobodyGid === null)
    throw new Error(
      'PostgreSQL refuses to run as root, and this machine has no runuser or no user "nobody" ' +
        'to run it as: run this as a non-root user'
    )
  return { user: 'nobody', uid: nobodyUid, gid: nobodyGid }
}

/** Whether this machine can start a scratch server (binaries, and a non-root user). */
export function canStartPostgres(): boolean {
  if (!findPostgresBin()) return false
  try {
    serverUser()
    return true
  } catch {
    return false
  }
}

/** Runs a PostgreSQL tool as the server's user (pg_ctl refuses root too); returns its status. */
function tryRun(bin: string, tool: string, args: string[], as: RunAs): SpawnSyncReturns<string> {
  const command = as.user ? 'runuser' : join(bin, tool)
  const argv = as.user ? ['-u', as.user, '--', join(bin, tool), ...args] : args
  return spawnSync(command, argv, { encoding: 'utf8' })
}

function run(bin: string, tool: string, args: string[], as: RunAs): void {
  const result = tryRun(bin, tool, args, as)
  if (result.status !== 0)
    throw new Error(`${tool} failed: ${(result.stderr || result.stdout || '').trim()}`)
}

/** A port nothing listens on now (the server takes it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface LocalPostgres {
  dir: string
  host: '127.0.0.1'
  port: number
  superuser: 'postgres'
  /** The superuser's password when the server was made with one (SCRAM); null: trust. */
  password: string | null
  /** postgres://postgres[:password]@127.0.0.1:<port>/<database> (no TLS parameters). */
  url(database?: string): string
  /** The superuser's connection to `database` (default `postgres`), over TLS when it has TLS. */
  config(database?: string): ClientConfig
}

const STATE_FILE = 'team-db.json'

/** A certificate and key for the server; `only`: plain TCP refused (pg_hba `hostssl`). */
export interface LocalPostgresTls {
  certFile: string
  keyFile: string
  only?: boolean
}

export interface StartOptions {
  /** The scratch folder (created; data in <dir>/data, the log in <dir>/postgres.log). */
  dir: string
  port?: number
  /**
   * For tests: no fsync, no synchronous commit, no full-page writes. Fast, and a crash of the
   * machine may lose the data: never for a database anyone keeps.
   */
  throwaway?: boolean
  /**
   * The superuser's password, set by the first initdb: every connection (TCP and socket) must
   * then give it (scram-sha-256) instead of being trusted. Ignored when the folder has data.
   */
  password?: string
  /** Serve TLS with this certificate (copied into the folder, owned by the server's user). */
  tls?: LocalPostgresTls
}

function handle(dir: string, port: number, password: string | null, tls: boolean): LocalPostgres {
  const auth = password === null ? '' : `:${encodeURIComponent(password)}`
  return {
    dir,
    host: '127.0.0.1',
    port,
    superuser: 'postgres',
    password,
    url: (database = 'postgres') => `postgres://postgres${auth}@127.0.0.1:${port}/${database}`,
    config: (database = 'postgres') => ({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      database,
      ...(password === null ? {} : { password }),
      // A scratch server's own certificate: the tests that check it name it as their CA.
      ...(tls ? { ssl: { rejectUnauthorized: false } } : {})
    })
  }
}

/** Copies a file into the server's folder, owned by its user: it reads a key only then. */
function copyForServer(from: string, to: string, as: RunAs): void {
  copyFileSync(from, to)
  if (as.user) chownSync(to, as.uid, as.gid)
}

/** initdb (first time) and pg_ctl start; waits until the server accepts connections. */
export async function startLocalPostgres(options: StartOptions): Promise<LocalPostgres> {
  const bin = findPostgresBin()
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN to its bin folder)'
    )
  const as = serverUser()
  const { dir } = options
  const data = join(dir, 'data')
  mkdirSync(dir, { recursive: true })
  if (as.user) {
    chownSync(dir, as.uid, as.gid)
    const reach = spawnSync('runuser', ['-u', as.user, '--', 'test', '-w', dir])
    if (reach.status !== 0)
      throw new Error(
        `The server runs as "${as.user}", who cannot reach ${dir} (a parent folder is closed ` +
          'to other users): choose a folder under /tmp'
      )
  }
  const port = options.port ?? (await freePort())
  const auth = options.password === undefined ? 'trust' : 'scram-sha-256'
  if (!existsSync(join(data, 'PG_VERSION'))) {
    const initdb = ['-D', data, '-U', 'postgres', '-A', auth, '-E', 'UTF8', '--no-locale']
    const pwfile = join(dir, 'initdb-password')
    if (options.password !== undefined) {
      writeFileSync(pwfile, options.password, { mode: 0o600 })
      if (as.user) chownSync(pwfile, as.uid, as.gid)
    }
    try {
      run(
        bin,
        'initdb',
        [...initdb, '--no-sync', ...(auth === 'trust' ? [] : ['--pwfile', pwfile])],
        as
      )
    } finally {
      rmSync(pwfile, { force: true })
    }
  }
  // Appended: the last setting of a name wins, so a restart on another port just adds lines.
  const quoted = (value: string): string => `'${value.replace(/'/g, "''")}'`
  const settings = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = ${quoted(dir)}`,
    ...(options.throwaway
      ? ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']
      : [])
  ]
  if (options.tls) {
    const [cert, key] = [join(dir, 'server.crt'), join(dir, 'server.key')]
    copyForServer(options.tls.certFile, cert, as)
    copyForServer(options.tls.keyFile, key, as)
    settings.push('ssl = on', `ssl_cert_file = ${quoted(cert)}`, `ssl_key_file = ${quoted(key)}`)
    if (options.tls.only)
      writeFileSync(
        join(data, 'pg_hba.conf'),
        `local all all ${auth}\nhostssl all all 127.0.0.1/32 ${auth}\n`
      )
  }
  appendFileSync(join(data, 'postgresql.conf'), `\n${settings.join('\n')}\n`)
  run(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start'], as)
  writeFileSync(join(dir, STATE_FILE), JSON.stringify({ port }) + '\n')
  return handle(dir, port, options.password ?? null, options.tls !== undefined)
}

/** pg_ctl stop (fast: open connections are closed). No-op when it is not running. */
export function stopLocalPostgres(dir: string, options: { remove?: boolean } = {}): void {
  const bin = findPostgresBin()
  const data = join(dir, 'data')
  if (bin && existsSync(join(data, 'postmaster.pid')))
    run(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], serverUser())
  if (options.remove) rmSync(dir, { recursive: true, force: true })
}

/** The running server of `dir`, or null. */
export function localPostgresStatus(dir: string): LocalPostgres | null {
  const bin = findPostgresBin()
  const data = join(dir, 'data')
  if (!bin || !existsSync(join(data, 'postmaster.pid'))) return null
  if (tryRun(bin, 'pg_ctl', ['-D', data, 'status'], serverUser()).status !== 0) return null
  const state: unknown = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8'))
  const port = (state as { port?: unknown }).port
  if (typeof port !== 'number') return null
  // The password is never written to the folder: a status knows only a trust server's URL.
  return handle(dir, port, null, false)
}

/** Creates `database` on the server (a name of ours, quoted as an identifier). */
export async function createDatabase(server: LocalPostgres, database: string): Promise<string> {
  const client = new pg.Client(server.config())
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`)
  } finally {
    await client.end()
  }
  return server.url(database)
}
