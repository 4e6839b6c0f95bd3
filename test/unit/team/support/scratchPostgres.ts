import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A throwaway PostgreSQL server for one test file: its superuser, password and port. */
export interface ScratchPostgres {
  host: '127.0.0.1'
  port: number
  superuser: 'postgres'
  password: string
  stop(): void
}

const VERSIONS = ['17', '16', '15', '14', '13']

/** Debian's server binaries (/usr/lib/postgresql/<major>/bin), newest first; null when absent. */
export function postgresBinDir(): string | null {
  for (const major of VERSIONS) {
    const dir = `/usr/lib/postgresql/${major}/bin`
    if (existsSync(join(dir, 'pg_ctl'))) return dir
  }
  return null
}

/** Skip here without PostgreSQL; CI must have it (the test then fails instead of skipping). */
export const skipWithoutPostgres = postgresBinDir() === null && !process.env['CI']

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => done(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface ScratchTls {
  certFile: string
  keyFile: string
  /** Only TLS connections over TCP (pg_hba `hostssl`): plain ones are refused. */
  only?: boolean
}

/**
 * initdb + pg_ctl in a scratch folder on a free loopback port, password (scram) auth for TCP,
 * optionally TLS with the given certificate. PostgreSQL refuses to run as root, so as root the
 * server runs as `nobody`, which owns the folder.
 */
export async function startScratchPostgres(tls?: ScratchTls): Promise<ScratchPostgres> {
  const bin = postgresBinDir()
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql')
  const root = mkdtempSync(join(tmpdir(), 'og-pg-'))
  const data = join(root, 'data')
  const password = `scratch-${Math.random().toString(36).slice(2)}`
  const pwfile = join(root, 'pw')
  writeFileSync(pwfile, password, { mode: 0o600 })
  const asRoot = process.getuid?.() === 0
  const uid = (): number =>
    Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim())
  const gid = (): number =>
    Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim())
  if (asRoot) {
    chownSync(root, uid(), gid())
    chownSync(pwfile, uid(), gid())
  }
  const run = (tool: string, args: string[]): void => {
    const [command, argv] = asRoot
      ? ['runuser', ['-u', 'nobody', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args]
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: root })
    if (result.status !== 0)
      throw new Error(`${tool} failed: ${result.stderr || result.stdout || result.error}`)
  }
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    pwfile,
    '--auth',
    'scram-sha-256',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale',
    'C'
  ])
  const port = await freePort()
  let options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${root} -c fsync=off -c shared_buffers=16MB -c max_connections=40`
  if (tls) {
    // The server reads its key only if its own user owns it, mode 0600.
    copyFileSync(tls.certFile, join(root, 'server.crt'))
    copyFileSync(tls.keyFile, join(root, 'server.key'))
    if (asRoot)
      for (const file of ['server.crt', 'server.key']) chownSync(join(root, file), uid(), gid())
    options += ` -c ssl=on -c ssl_cert_file=${join(root, 'server.crt')} -c ssl_key_file=${join(root, 'server.key')}`
    if (tls.only)
      writeFileSync(
        join(data, 'pg_hba.conf'),
        'local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n'
      )
  }
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'log'), '-w', '-t', '60', 'start'])
  return {
    host: '127.0.0.1',
    port,
    superuser: 'postgres',
    password,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    }
  }
}
