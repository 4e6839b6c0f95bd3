import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { noEncryption } from '../../../src/main/secrets/Encryptor'
import { TeamPasswordStore } from '../../../src/main/secrets/TeamPasswordStore'
import { SettingsStore } from '../../../src/main/settings/SettingsStore'
import { TeamAccess, defaultSeat } from '../../../src/main/settings/TeamAccess'
import { defaultSettings } from '../../../src/shared/settings/settingsSchema'
import {
  DEFAULT_TEAM_SETTINGS,
  TeamSettingsSchema
} from '../../../src/shared/settings/teamSettings'
import { parseTeamUrl, teamUrlWithoutPassword } from '../../../src/shared/settings/teamUrl'
import { ephemeralEncryptor } from '../../../tools/harness/ephemeralEncryptor'
import { useTempDir } from '../../support/tempDir'

const PASSWORD = 'team-Pa55word-never-shown'
const teamOn = {
  ...DEFAULT_TEAM_SETTINGS,
  mode: 'team' as const,
  connection: { ...DEFAULT_TEAM_SETTINGS.connection, host: 'db.example', user: 'desk_a' }
}

describe('settings.json and team mode', () => {
  const tmp = useTempDir()

  it('loads a settings file written before team mode, as this desk only with the OS user as seat', () => {
    const old = { ...defaultSettings() } as Record<string, unknown>
    delete old['team']
    writeFileSync(join(tmp.path(), 'settings.json'), JSON.stringify(old))
    const settings = new SettingsStore(tmp.path())
    expect(settings.problem).toBeNull()
    expect(settings.get().team).toEqual(DEFAULT_TEAM_SETTINGS)
    const team = new TeamAccess(
      settings,
      new TeamPasswordStore(tmp.path(), ephemeralEncryptor()),
      'maria'
    )
    expect(team.identity()).toEqual({ mode: 'desk', seat: 'maria', role: 'agent' })
    expect(team.connectionConfig()).toBeNull()
  })

  it('saves and reloads the team section; a seat typed in Settings wins over the OS user', () => {
    new SettingsStore(tmp.path()).save({
      ...defaultSettings(),
      team: { ...teamOn, seat: 'desk-7', role: 'supervisor' }
    })
    const settings = new SettingsStore(tmp.path())
    const team = new TeamAccess(
      settings,
      new TeamPasswordStore(tmp.path(), ephemeralEncryptor()),
      'maria'
    )
    expect(team.identity()).toEqual({ mode: 'team', seat: 'desk-7', role: 'supervisor' })
    expect(readFileSync(join(tmp.path(), 'settings.json'), 'utf8')).toContain(
      '"host": "db.example"'
    )
  })

  it('refuses team mode without host, database or user, bad seats, roles and sslmodes', () => {
    const invalid = [
      { ...teamOn, connection: { ...teamOn.connection, host: '' } },
      { ...teamOn, connection: { ...teamOn.connection, user: ' ' } },
      { ...teamOn, connection: { ...teamOn.connection, database: '' } },
      { ...teamOn, connection: { ...teamOn.connection, host: 'db.example/evil' } },
      { ...teamOn, connection: { ...teamOn.connection, port: 0 } },
      { ...teamOn, connection: { ...teamOn.connection, sslmode: 'prefer' } },
      { ...teamOn, seat: 'desk 7' },
      { ...teamOn, role: 'admin' },
      { ...teamOn, password: PASSWORD }
    ]
    for (const team of invalid)
      expect(TeamSettingsSchema.safeParse(team).success, JSON.stringify(team)).toBe(false)
    // This desk only: the connection may stay empty.
    expect(
      TeamSettingsSchema.safeParse({
        ...teamOn,
        mode: 'desk',
        connection: { ...teamOn.connection, host: '' }
      }).success
    ).toBe(true)
  })

  it('seals the password, gives it only to the server it was saved for, and only in main', () => {
    const store = new SettingsStore(tmp.path())
    store.save({ ...defaultSettings(), team: teamOn })
    const passwords = new TeamPasswordStore(tmp.path(), ephemeralEncryptor())
    passwords.set(PASSWORD, 'db.example:5432')
    expect(readFileSync(join(tmp.path(), 'team-password.json'), 'utf8')).not.toContain(PASSWORD)
    expect(readFileSync(join(tmp.path(), 'settings.json'), 'utf8')).not.toContain(PASSWORD)
    const team = new TeamAccess(store, passwords, 'maria')
    expect(team.connectionConfig()).toMatchObject({
      host: 'db.example',
      port: 5432,
      user: 'desk_a',
      password: PASSWORD,
      ssl: { rejectUnauthorized: false }
    })
    // Another port is another server: no password goes there.
    store.save({
      ...defaultSettings(),
      team: { ...teamOn, connection: { ...teamOn.connection, port: 6543 } }
    })
    expect(team.connectionConfig()).toMatchObject({ port: 6543, password: '' })
    expect(passwords.status()).toEqual({ available: true, reason: null, server: 'db.example:5432' })
    passwords.clear()
    expect(passwords.status().server).toBeNull()
  })

  it('refuses to keep a password in plain text', () => {
    const passwords = new TeamPasswordStore(
      tmp.path(),
      noEncryption('no secret service is running')
    )
    expect(() => passwords.set(PASSWORD, 'db.example:5432')).toThrow(
      /not saved: no secret service is running/
    )
    expect(passwords.status()).toEqual({
      available: false,
      reason: 'no secret service is running',
      server: null
    })
  })

  it('has a default seat from the OS user, in the characters a seat allows', () => {
    expect(TeamSettingsSchema.shape.seat.safeParse(defaultSeat()).success).toBe(true)
    expect(defaultSeat().length).toBeGreaterThan(0)
  })
})

describe('team URLs', () => {
  it('reads postgres:// URLs into fields and takes the password out', () => {
    expect(
      parseTeamUrl(
        `postgres://desk_a:${encodeURIComponent('p@ss:/w')}@db.example:6432/voice?sslmode=verify-full&sslrootcert=/etc/ca.pem`
      )
    ).toEqual({
      connection: {
        host: 'db.example',
        port: 6432,
        database: 'voice',
        user: 'desk_a',
        sslmode: 'verify-full',
        caFile: '/etc/ca.pem'
      },
      password: 'p@ss:/w'
    })
    expect(parseTeamUrl('postgresql://lead@[::1]/voice')).toMatchObject({
      connection: { host: '::1', port: 5432, sslmode: 'require', caFile: '' },
      password: null
    })
  })

  it('refuses what is not a team URL without repeating it', () => {
    for (const url of [
      `http://u:${PASSWORD}@h/db`,
      `postgres://u:${PASSWORD}@h`,
      `postgres://:${PASSWORD}@h/db`,
      `postgres://u:${PASSWORD}@h/db?sslmode=prefer`,
      `not a url ${PASSWORD}`
    ]) {
      const parsed = parseTeamUrl(url)
      expect('error' in parsed, url).toBe(true)
      expect(JSON.stringify(parsed)).not.toContain(PASSWORD)
    }
  })

  it('shows a connection as a URL without any password', () => {
    const parsed = parseTeamUrl(`postgres://desk_a:${PASSWORD}@db.example/voice?sslmode=disable`)
    if ('error' in parsed) throw new Error(parsed.error)
    expect(teamUrlWithoutPassword(parsed.connection)).toBe(
      'postgres://desk_a@db.example:5432/voice?sslmode=disable'
    )
  })
})
