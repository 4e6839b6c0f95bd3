import type { TeamConnectionFailure } from '../../shared/settings/teamConnectionTest'
import { CaFileUnreadableError } from './teamClientConfig'

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE'
])
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED'
])

export interface WordedFailure {
  kind: TeamConnectionFailure
  message: string
  detail: string
}

/**
 * A failed connection in words for people: what happened and what to do, by PostgreSQL's error
 * code or Node's network code. Every text that leaves has the password blanked out, whatever
 * the server or the network put in it.
 */
export function teamConnectionFailure(
  error: unknown,
  target: { host: string; port: number; user: string; database: string },
  password: string | undefined
): WordedFailure {
  const { code, text } = describe(error)
  const where = `${target.host}:${target.port}`
  const [kind, message] = classify(code, text, password !== undefined && password !== '')
  const worded = message
    .replace('{where}', where)
    .replace('{user}', target.user)
    .replace('{database}', target.database)
  return { kind, message: blank(worded, password), detail: blank(text, password) }
}

function classify(
  code: string | undefined,
  text: string,
  hadPassword: boolean
): [TeamConnectionFailure, string] {
  if (/client password must be/i.test(text) || (code === '28P01' && !hadPassword))
    return ['no_password', 'The server at {where} asks for a password, and none is saved for it.']
  if (code === '28P01')
    return ['auth_failed', 'The database refused user "{user}": wrong password, or no such user.']
  if (code === '3D000')
    return ['no_database', 'The server at {where} has no database "{database}".']
  if (code === '28000' && /no encryption/i.test(text))
    return [
      'tls_required',
      'The server at {where} accepts this user only over TLS: choose sslmode require or verify-full.'
    ]
  if (code === '28000')
    return [
      'refused',
      'The server at {where} does not let user "{user}" in from this computer (pg_hba.conf).'
    ]
  if (/does not support SSL/i.test(text))
    return [
      'tls_unsupported',
      'The server at {where} does not offer TLS: choose sslmode disable only on a trusted network.'
    ]
  if (code === 'CA_UNREADABLE') return ['ca_unreadable', text]
  if (code && UNTRUSTED.has(code))
    return [
      'tls_untrusted',
      'The certificate of {where} is not trusted for that name: name its CA file, or check the host name.'
    ]
  if (code && UNREACHABLE.has(code))
    return [
      'unreachable',
      'Nothing answers at {where}: check the host and port, and that the server runs.'
    ]
  if (/timeout|timed out/i.test(text))
    return ['timeout', 'The server at {where} did not answer in time.']
  return ['refused', 'The server at {where} refused the connection.']
}

function describe(error: unknown): { code: string | undefined; text: string } {
  if (error instanceof CaFileUnreadableError) return { code: 'CA_UNREADABLE', text: error.message }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    const nested = error instanceof AggregateError ? error.errors[0] : undefined
    const nestedCode = (nested as { code?: unknown } | undefined)?.code
    return {
      code:
        typeof code === 'string' ? code : typeof nestedCode === 'string' ? nestedCode : undefined,
      text: error.message || String(nested ?? error.name)
    }
  }
  return { code: undefined, text: String(error) }
}

function blank(text: string, password: string | undefined): string {
  return password ? text.split(password).join('•••') : text
}
