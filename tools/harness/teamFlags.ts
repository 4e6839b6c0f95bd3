import { TeamPasswordStore } from '../../src/main/secrets/TeamPasswordStore'
import type { Encryptor } from '../../src/main/secrets/Encryptor'
import { SettingsStore } from '../../src/main/settings/SettingsStore'
import {
  SeatNameSchema,
  TEAM_ROLES,
  teamServer,
  type TeamRole,
  type TeamSettings
} from '../../src/shared/settings/teamSettings'
import { parseTeamUrl } from '../../src/shared/settings/teamUrl'

/** `--team-db URL --seat NAME --role agent|supervisor`, as given on the command line. */
export interface TeamFlagValues {
  teamDb?: string
  seat?: string
  role?: string
}

export interface TeamFlags {
  team: TeamSettings
  /** The URL's password, to be sealed in the harness's store; null: none in the URL. */
  password: string | null
}

/** A flag that cannot be used, said so that the URL (and its password) is never repeated. */
export class TeamFlagError extends Error {}

/** Validates the harness's team flags; null when none is given (the desk stays as it was). */
export function parseTeamFlags(values: TeamFlagValues): TeamFlags | null {
  if (values.teamDb === undefined) {
    if (values.seat !== undefined || values.role !== undefined)
      throw new TeamFlagError('--seat and --role need --team-db postgres://user@host:port/database')
    return null
  }
  const parsed = parseTeamUrl(values.teamDb)
  if ('error' in parsed) throw new TeamFlagError(`--team-db: ${parsed.error}`)
  const role = values.role ?? 'agent'
  if (!(TEAM_ROLES as readonly string[]).includes(role))
    throw new TeamFlagError(`--role must be agent or supervisor, not "${role.slice(0, 40)}"`)
  const seat = SeatNameSchema.safeParse(values.seat ?? '')
  if (!seat.success)
    throw new TeamFlagError(`--seat: ${seat.error.issues[0]?.message ?? 'not a seat name'}`)
  return {
    team: { mode: 'team', connection: parsed.connection, seat: seat.data, role: role as TeamRole },
    password: parsed.password
  }
}

/**
 * Writes the flags into the harness desk's data folder before its services start: the team
 * section of settings.json, and the password sealed with the harness's encryptor (the one its
 * services use). A URL without a password clears any earlier one (unreadable under a new key).
 */
export function applyTeamFlags(dataDir: string, encryptor: Encryptor, flags: TeamFlags): void {
  const settings = new SettingsStore(dataDir)
  settings.save({ ...settings.get(), team: flags.team })
  const passwords = new TeamPasswordStore(dataDir, encryptor)
  if (flags.password === null) passwords.clear()
  else passwords.set(flags.password, teamServer(flags.team.connection))
}
