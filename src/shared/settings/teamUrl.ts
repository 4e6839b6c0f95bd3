import { SSL_MODES, type SslMode, type TeamConnection } from './teamSettings'

export interface ParsedTeamUrl {
  connection: TeamConnection
  /** The URL's password, if it had one: to be sealed, never stored with the rest. */
  password: string | null
}

/**
 * Reads `postgres://user:password@host:port/database?sslmode=…&sslrootcert=…` into the fields
 * Settings keeps. Returns an error sentence (that never repeats the URL, which may hold a
 * password) when the URL is not one.
 */
export function parseTeamUrl(text: string): ParsedTeamUrl | { error: string } {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return { error: 'not a URL: expected postgres://user@host:port/database' }
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    return { error: 'must start with postgres:// or postgresql://' }
  if (!url.hostname) return { error: 'the URL names no host' }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  if (!database || database.includes('/')) return { error: 'the URL names no database (…/name)' }
  if (!url.username) return { error: 'the URL names no user (postgres://user@host/…)' }
  const sslmode = url.searchParams.get('sslmode') ?? 'require'
  if (!(SSL_MODES as readonly string[]).includes(sslmode))
    return { error: `sslmode must be one of ${SSL_MODES.join(', ')}` }
  const port = url.port ? Number(url.port) : 5432
  return {
    connection: {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port,
      database,
      user: decodeURIComponent(url.username),
      sslmode: sslmode as SslMode,
      caFile: url.searchParams.get('sslrootcert') ?? ''
    },
    password: url.password ? decodeURIComponent(url.password) : null
  }
}

/** The connection as a URL to show or log: never with a password. */
export function teamUrlWithoutPassword(connection: TeamConnection): string {
  const host = connection.host.includes(':') ? `[${connection.host}]` : connection.host
  const query = new URLSearchParams({ sslmode: connection.sslmode })
  if (connection.caFile) query.set('sslrootcert', connection.caFile)
  return `postgres://${encodeURIComponent(connection.user)}@${host}:${connection.port}/${encodeURIComponent(connection.database)}?${query}`
}
