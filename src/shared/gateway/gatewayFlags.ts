import { SeatNameSchema, type TeamConnection } from '../settings/teamSettings'
import { parseTeamUrl } from '../settings/teamUrl'

/** Every flag `npm run gateway` takes (each a string value): main.ts parses exactly these. */
export const GATEWAY_FLAGS = [
  'port',
  'host',
  'team-db',
  'team-db-password-file',
  'realtime-base-url',
  'api-key-file',
  'webhook-secret-file',
  'transfer-uri',
  'max-calls',
  'instance',
  'data-dir',
  'drain-timeout'
] as const satisfies readonly (keyof GatewayFlagValues)[]

/** The command line as given (`npm run gateway -- --port P …`): every value still a string. */
export interface GatewayFlagValues {
  port?: string
  host?: string
  'team-db'?: string
  'team-db-password-file'?: string
  'realtime-base-url'?: string
  'api-key-file'?: string
  'webhook-secret-file'?: string
  'transfer-uri'?: string
  'max-calls'?: string
  instance?: string
  'data-dir'?: string
  'drain-timeout'?: string
}

/** What the gateway runs with. Secrets are files to read, never values on the command line. */
export interface GatewayConfig {
  port: number
  /** The address it listens on: loopback behind a TLS proxy on the same machine (default). */
  host: string
  teamDb: TeamConnection
  /** The password the URL carried (visible in the process list: the file is better), or null. */
  teamDbUrlPassword: string | null
  teamDbPasswordFile: string | null
  /** `https://api.openai.com` or a simulator's `http://127.0.0.1:8790`: no `/v1`, no slash. */
  realtimeBaseUrl: string
  apiKeyFile: string
  webhookSecretFile: string
  /** Where a call transferred to a person goes (`tel:` / `sip:`), or null. */
  transferUri: string | null
  maxCalls: number
  /** The gateway's seat on the team's records. */
  instance: string
  dataDir: string
  /** How long a stop (SIGTERM) may keep serving calls no other instance takes, in ms. */
  drainTimeoutMs: number
}

/** A flag that cannot be used; the message never repeats the team database URL. */
export class GatewayFlagError extends Error {}

export const DEFAULT_MAX_CALLS = 20
/** Seconds: a phone call's usual length; the service manager's stop timeout must be longer. */
export const DEFAULT_DRAIN_TIMEOUT_S = 300
const MAX_DRAIN_TIMEOUT_S = 86_400
const MAX_MAX_CALLS = 1000
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost'])
const TRANSFER_URI = /^(tel|sip|sips):\S+$/i

export interface GatewayFlagDefaults {
  /** The instance name when --instance is not given (the host name). */
  instance: string
  /** The data folder when --data-dir is not given. */
  dataDir: (instance: string) => string
}

/** Checks the gateway's flags and fills in the defaults. */
export function gatewayConfigFromFlags(
  values: GatewayFlagValues,
  defaults: GatewayFlagDefaults
): GatewayConfig {
  const port = integerFlag('--port', values.port, 0, 65535)
  const teamDbText = required('--team-db', values['team-db'])
  const parsed = parseTeamUrl(teamDbText)
  if ('error' in parsed) throw new GatewayFlagError(`--team-db: ${parsed.error}`)
  const passwordFile = values['team-db-password-file'] ?? null
  if (parsed.password !== null && passwordFile !== null)
    throw new GatewayFlagError(
      '--team-db carries a password and --team-db-password-file names another: give one'
    )
  const maxCalls =
    values['max-calls'] === undefined
      ? DEFAULT_MAX_CALLS
      : integerFlag('--max-calls', values['max-calls'], 1, MAX_MAX_CALLS)
  const instance = instanceName(values.instance ?? defaults.instance)
  const transferUri = values['transfer-uri'] ?? null
  if (transferUri !== null && !TRANSFER_URI.test(transferUri))
    throw new GatewayFlagError('--transfer-uri must be a tel:, sip: or sips: URI')
  return {
    port,
    host: values.host ?? '127.0.0.1',
    teamDb: parsed.connection,
    teamDbUrlPassword: parsed.password,
    teamDbPasswordFile: passwordFile,
    realtimeBaseUrl: realtimeBase(required('--realtime-base-url', values['realtime-base-url'])),
    apiKeyFile: required('--api-key-file', values['api-key-file']),
    webhookSecretFile: required('--webhook-secret-file', values['webhook-secret-file']),
    transferUri,
    maxCalls,
    instance,
    dataDir: values['data-dir'] ?? defaults.dataDir(instance),
    drainTimeoutMs:
      1000 *
      (values['drain-timeout'] === undefined
        ? DEFAULT_DRAIN_TIMEOUT_S
        : integerFlag('--drain-timeout', values['drain-timeout'], 0, MAX_DRAIN_TIMEOUT_S))
  }
}

function required(flag: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new GatewayFlagError(`${flag} is required`)
  return value
}

function integerFlag(flag: string, value: string | undefined, min: number, max: number): number {
  const text = required(flag, value)
  const number = Number(text)
  if (!/^\d+$/.test(text) || number < min || number > max)
    throw new GatewayFlagError(`${flag} must be a whole number from ${min} to ${max}`)
  return number
}

function instanceName(value: string): string {
  const seat = SeatNameSchema.safeParse(value)
  if (!seat.success || seat.data === '')
    throw new GatewayFlagError(
      `--instance: ${seat.error?.issues[0]?.message ?? 'empty value'} (it is the seat on the team's records)`
    )
  return seat.data
}

/**
 * The Realtime API's origin. The standard key travels on every request to it, so plain http is
 * for a simulator on this machine only.
 */
function realtimeBase(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new GatewayFlagError('--realtime-base-url is not a URL (https://api.openai.com)')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new GatewayFlagError('--realtime-base-url must be https:// (or http:// on loopback)')
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname))
    throw new GatewayFlagError(
      '--realtime-base-url may be plain http:// only on loopback: the API key travels with it'
    )
  if (url.search || url.hash || url.username || url.password)
    throw new GatewayFlagError('--realtime-base-url takes no query, fragment or credentials')
  const path = url.pathname.replace(/\/+$/, '')
  if (/\/v1$/.test(path))
    throw new GatewayFlagError(
      '--realtime-base-url is the base without /v1 (https://api.openai.com)'
    )
  return `${url.origin}${path}`
}
