import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { rootCertificates } from 'node:tls'
import type { ClientConfig } from 'pg'
import type { TeamConnection } from '../../shared/settings/teamSettings'

/** The CA file named in Settings could not be read (verify-full). */
export class CaFileUnreadableError extends Error {}

/** How long a connection attempt to the team database may take before it counts as failed. */
export const TEAM_CONNECT_TIMEOUT_MS = 10_000

/**
 * pg's options for the team database, from Settings' fields (never a connection string, so
 * libpq's environment and ~/.pgpass never add a password nobody saved: an empty one is sent).
 * sslmode as libpq means it: require encrypts without checking the certificate; verify-full
 * checks the chain (the system's CAs, plus the CA file if one is named) and the host name.
 */
export function teamClientConfig(
  connection: TeamConnection,
  password: string | undefined,
  readFile: (path: string) => Buffer = readFileSync
): ClientConfig {
  return {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: password ?? '',
    ssl: sslOptions(connection, readFile),
    connectionTimeoutMillis: TEAM_CONNECT_TIMEOUT_MS,
    application_name: 'outdoorgear-voice-console'
  }
}

function sslOptions(
  connection: TeamConnection,
  readFile: (path: string) => Buffer
): ClientConfig['ssl'] {
  if (connection.sslmode === 'disable') return false
  if (connection.sslmode === 'require') return { rejectUnauthorized: false }
  let ca: string[] | undefined
  if (connection.caFile) {
    try {
      ca = [...rootCertificates, readFile(connection.caFile).toString('utf8')]
    } catch (error) {
      throw new CaFileUnreadableError(
        `The CA file ${connection.caFile} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`
      )
    }
  }
  return {
    rejectUnauthorized: true,
    ...(ca ? { ca } : {}),
    ...(isIP(connection.host) ? {} : { servername: connection.host })
  }
}
