import { describe, expect, it } from 'vitest'
import {
  DEFAULT_DRAIN_TIMEOUT_S,
  DEFAULT_MAX_CALLS,
  GatewayFlagError,
  gatewayConfigFromFlags,
  type GatewayFlagValues
} from './gatewayFlags'

const defaults = { instance: 'gw-host', dataDir: (instance: string) => `/var/lib/gw/${instance}` }
const SECRET_URL = 'postgres://gateway:s3cret-pw@db.example:5433/voice_console?sslmode=verify-full'
const minimal: GatewayFlagValues = {
  port: '8788',
  'team-db': 'postgres://gateway@db.example/voice_console',
  'realtime-base-url': 'https://api.openai.com',
  'api-key-file': '/etc/gw/api-key',
  'webhook-secret-file': '/etc/gw/webhook-secret'
}

const refusal = (values: GatewayFlagValues): string => {
  try {
    gatewayConfigFromFlags(values, defaults)
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayFlagError)
    return (error as Error).message
  }
  throw new Error('accepted')
}

describe('gateway flags', () => {
  it('fills in the defaults: the host name as instance, its data folder, 20 calls', () => {
    expect(gatewayConfigFromFlags(minimal, defaults)).toEqual({
      port: 8788,
      host: '127.0.0.1',
      teamDb: {
        host: 'db.example',
        port: 5432,
        database: 'voice_console',
        user: 'gateway',
        sslmode: 'require',
        caFile: ''
      },
      teamDbUrlPassword: null,
      teamDbPasswordFile: null,
      realtimeBaseUrl: 'https://api.openai.com',
      apiKeyFile: '/etc/gw/api-key',
      webhookSecretFile: '/etc/gw/webhook-secret',
      transferUri: null,
      maxCalls: DEFAULT_MAX_CALLS,
      instance: 'gw-host',
      dataDir: '/var/lib/gw/gw-host',
      drainTimeoutMs: DEFAULT_DRAIN_TIMEOUT_S * 1000
    })
  })

  it('takes every optional flag', () => {
    const config = gatewayConfigFromFlags(
      {
        ...minimal,
        host: '0.0.0.0',
        'team-db-password-file': '/etc/gw/db-password',
        'realtime-base-url': 'http://127.0.0.1:8790/',
        'transfer-uri': 'sip:queue@pbx.example',
        'max-calls': '3',
        instance: 'gw-a',
        'data-dir': '/srv/gw-a',
        'drain-timeout': '45'
      },
      defaults
    )
    expect(config).toMatchObject({
      host: '0.0.0.0',
      teamDbPasswordFile: '/etc/gw/db-password',
      realtimeBaseUrl: 'http://127.0.0.1:8790',
      transferUri: 'sip:queue@pbx.example',
      maxCalls: 3,
      instance: 'gw-a',
      dataDir: '/srv/gw-a',
      drainTimeoutMs: 45_000
    })
  })

  it('refuses missing and malformed values, naming the flag', () => {
    expect(refusal({ ...minimal, port: undefined })).toBe('--port is required')
    expect(refusal({ ...minimal, port: '80a' })).toMatch(/^--port must be a whole number/)
    expect(refusal({ ...minimal, 'max-calls': '0' })).toMatch(/^--max-calls must be/)
    expect(refusal({ ...minimal, 'drain-timeout': '-1' })).toMatch(/^--drain-timeout must be/)
    expect(refusal({ ...minimal, 'api-key-file': '' })).toBe('--api-key-file is required')
    expect(refusal({ ...minimal, 'webhook-secret-file': undefined })).toBe(
      '--webhook-secret-file is required'
    )
    expect(refusal({ ...minimal, instance: 'gw a' })).toMatch(/^--instance: letters, digits/)
    expect(refusal({ ...minimal, 'transfer-uri': 'mailto:x@y' })).toMatch(/tel:, sip: or sips:/)
  })

  it('keeps the API key off plain http beyond loopback, and wants the base without /v1', () => {
    expect(refusal({ ...minimal, 'realtime-base-url': 'http://api.example' })).toMatch(
      /only on loopback/
    )
    expect(refusal({ ...minimal, 'realtime-base-url': 'https://api.openai.com/v1' })).toMatch(
      /without \/v1/
    )
    expect(refusal({ ...minimal, 'realtime-base-url': 'ftp://x' })).toMatch(/must be https/)
    expect(
      gatewayConfigFromFlags({ ...minimal, 'realtime-base-url': 'http://localhost:9/' }, defaults)
        .realtimeBaseUrl
    ).toBe('http://localhost:9')
  })

  it('never repeats the team database URL, and takes its password from one place only', () => {
    const withPassword = gatewayConfigFromFlags({ ...minimal, 'team-db': SECRET_URL }, defaults)
    expect(withPassword.teamDbUrlPassword).toBe('s3cret-pw')
    expect(withPassword.teamDb).toMatchObject({ port: 5433, sslmode: 'verify-full' })
    const both = refusal({
      ...minimal,
      'team-db': SECRET_URL,
      'team-db-password-file': '/etc/gw/db-password'
    })
    expect(both).toMatch(/give one/)
    const bad = refusal({ ...minimal, 'team-db': 'mysql://gateway:s3cret-pw@db/x' })
    expect(bad).toMatch(/^--team-db: must start with postgres/)
    for (const message of [both, bad]) expect(message).not.toContain('s3cret-pw')
  })
})
