import { useState, type JSX } from 'react'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { TeamConnectionTest } from '@shared/settings/teamConnectionTest'
import { DEFAULT_TEAM_SETTINGS, type TeamSettings } from '@shared/settings/teamSettings'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { TeamSection } from './TeamSection'

const SECRET = 'S3cret-team-pw-in-url'
const STATUS = {
  available: true,
  reason: null,
  passwordServer: null,
  defaultSeat: 'maria',
  database: { backend: 'sqlite' as const, fallbackReason: null, unreachableReason: null }
}
const TEAM: TeamSettings = {
  ...DEFAULT_TEAM_SETTINGS,
  mode: 'team',
  connection: { ...DEFAULT_TEAM_SETTINGS.connection, host: 'db.example', user: 'desk_a' }
}

/** The section as the Settings form holds it: a controlled value, the latest one kept here. */
function Form({ initial, seen }: { initial: TeamSettings; seen: TeamSettings[] }): JSX.Element {
  const [team, setTeam] = useState(initial)
  return (
    <TeamSection
      value={team}
      onChange={(next) => {
        seen.push(next)
        setTeam(next)
      }}
    />
  )
}

describe('Settings → Team', { timeout: 60_000 }, () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
    Reflect.deleteProperty(window, 'api')
  })

  it('starts as this desk only and switches to the team database', async () => {
    mockApi({ 'team.status': ok(STATUS) })
    const seen: TeamSettings[] = []
    render(<Form initial={DEFAULT_TEAM_SETTINGS} seen={seen} />)
    expect(screen.queryByLabelText('Host')).toBeNull()
    fireEvent.mouseDown(screen.getByLabelText('Sessions database'))
    const options = within(screen.getByRole('listbox')).getAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual([
      'This desk only (SQLite on this computer)',
      "The team's PostgreSQL"
    ])
    fireEvent.click(options[1]!)
    expect(seen.at(-1)?.mode).toBe('team')
    expect(await screen.findByLabelText('Host')).toBeTruthy()
    expect(screen.getByTestId('team-seat').getAttribute('placeholder')).toBe('maria')
    // Honest about what team mode does: records on the team's database from the next start.
    expect(screen.getByTestId('team-preview-notice').textContent).toMatch(
      /from the next start, this console records calls, their events/
    )
  })

  it('fills the fields from a pasted URL and sends its password to main only', async () => {
    const request = mockApi({
      'team.status': [ok(STATUS), ok({ ...STATUS, passwordServer: 'db.example:6432' })],
      'team.setPassword': ok({ saved: true })
    })
    const seen: TeamSettings[] = []
    const { container } = render(<Form initial={TEAM} seen={seen} />)
    fireEvent.change(await screen.findByTestId('team-url'), {
      target: { value: `postgres://lead:${SECRET}@db.example:6432/voice?sslmode=verify-full` }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Fill in from URL' }))
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('team.setPassword', {
        password: SECRET,
        server: { host: 'db.example', port: 6432 }
      })
    )
    expect(seen.at(-1)?.connection).toEqual({
      host: 'db.example',
      port: 6432,
      database: 'voice',
      user: 'lead',
      sslmode: 'verify-full',
      caFile: ''
    })
    expect((screen.getByTestId('team-url') as HTMLInputElement).value).toBe('')
    expect(
      await screen.findByText('A password is saved for db.example:6432, sealed by the system.')
    ).toBeTruthy()
    expect(screen.getByTestId('team-url-shown').textContent).toBe(
      'Connection: postgres://lead@db.example:6432/voice?sslmode=verify-full'
    )
    expect(container.innerHTML).not.toContain(SECRET)
  })

  it('says a pasted URL is not one, without echoing it', async () => {
    mockApi({ 'team.status': ok(STATUS) })
    const { container } = render(<Form initial={TEAM} seen={[]} />)
    fireEvent.change(await screen.findByTestId('team-url'), {
      target: { value: `mysql://root:${SECRET}@db.example/voice` }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Fill in from URL' }))
    expect(
      await screen.findByText('Not a team URL: must start with postgres:// or postgresql://')
    ).toBeTruthy()
    expect(container.textContent).not.toContain(SECRET)
  })

  it("shows why this run fell back to the desk's database", async () => {
    const reason =
      'The team database could not be opened at start-up: Nothing answers at db.example:5432.'
    mockApi({
      'team.status': ok({
        ...STATUS,
        database: { backend: 'sqlite', fallbackReason: reason, unreachableReason: null }
      })
    })
    render(<Form initial={TEAM} seen={[]} />)
    expect((await screen.findByTestId('team-database-fallback')).textContent).toBe(reason)
  })

  it('says the team database did not answer at start-up, and that calls wait for it', async () => {
    const reason =
      'The team database could not be reached at start-up: Nothing answers at db.example:5432.'
    mockApi({
      'team.status': ok({
        ...STATUS,
        database: { backend: 'postgres', fallbackReason: null, unreachableReason: reason }
      })
    })
    render(<Form initial={TEAM} seen={[]} />)
    expect((await screen.findByTestId('team-database-unreachable')).textContent).toBe(reason)
    expect(screen.queryByTestId('team-database-fallback')).toBeNull()
  })

  it('says a password saved for another server is not sent to this one', async () => {
    mockApi({ 'team.status': ok({ ...STATUS, passwordServer: 'old.example:5432' }) })
    render(<Form initial={TEAM} seen={[]} />)
    expect((await screen.findByTestId('team-password-state')).textContent).toBe(
      'The saved password is for old.example:5432: it is not sent to db.example:5432. Enter it for this server.'
    )
  })

  it('tests the typed connection for the chosen role and words what it found', async () => {
    const found: TeamConnectionTest = {
      ok: true,
      ms: 42,
      url: 'postgres://desk_a@db.example:5432/voice_console?sslmode=require',
      serverVersion: '15.8',
      schema: { state: 'present', version: 3 },
      privileges: [],
      problems: [{ table: 'sessions', privilege: 'DELETE', kind: 'excess' }],
      message: 'from main'
    }
    const request = mockApi({ 'team.status': ok(STATUS), 'team.testConnection': ok(found) })
    render(<Form initial={TEAM} seen={[]} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Test team connection' }))
    const shown = await screen.findByTestId('team-connection-test')
    expect(request).toHaveBeenCalledWith('team.testConnection', {
      connection: TEAM.connection,
      role: 'agent'
    })
    expect([...shown.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Connected to PostgreSQL 15.8 in 42 ms.',
      'Team schema version 3.',
      'This login may DELETE on sessions: more than an agent seat should.'
    ])
  })

  it('words a failed test by its kind, quoting the server', async () => {
    mockApi({
      'team.status': ok(STATUS),
      'team.testConnection': ok({
        ok: false,
        kind: 'auth_failed',
        url: 'postgres://desk_a@db.example:5432/voice_console?sslmode=require',
        detail: 'password authentication failed for user "desk_a"',
        message: 'from main'
      })
    })
    render(<Form initial={TEAM} seen={[]} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Test team connection' }))
    expect((await screen.findByTestId('team-connection-test')).textContent).toBe(
      'The database refused user "desk_a": wrong password, or no such user.' +
        'The server said: password authentication failed for user "desk_a"'
    )
  })

  it('cannot test before host, database and user are filled in', async () => {
    mockApi({ 'team.status': ok(STATUS) })
    render(<Form initial={{ ...TEAM, connection: { ...TEAM.connection, host: '' } }} seen={[]} />)
    const button = await screen.findByRole('button', { name: 'Test team connection' })
    expect((button as HTMLButtonElement).disabled).toBe(true)
  })

  it("offers the gateway calls' engine only when this run records on the team database", async () => {
    const request = mockApi({
      'team.status': ok({
        ...STATUS,
        database: { backend: 'postgres', fallbackReason: null, unreachableReason: null }
      }),
      'gateway.engine.get': ok({
        team: { engine: null, updatedBy: null, updatedAt: null },
        canChange: false
      })
    })
    render(<Form initial={TEAM} seen={[]} />)
    expect(await screen.findByTestId('gateway-engine-field')).toBeTruthy()
    expect(request).toHaveBeenCalledWith('gateway.engine.get', {})
    cleanup()
    // On the desk's own SQLite (the first test's status): no gateways, nothing asked.
    const desk = mockApi({ 'team.status': ok(STATUS) })
    render(<Form initial={TEAM} seen={[]} />)
    // Once the status is in (the seat's placeholder is the OS user it names).
    await waitFor(() =>
      expect(screen.getByTestId('team-seat').getAttribute('placeholder')).toBe('maria')
    )
    expect(screen.queryByTestId('gateway-engine-field')).toBeNull()
    expect(desk).not.toHaveBeenCalledWith('gateway.engine.get', {})
  })
})
