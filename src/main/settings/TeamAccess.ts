import { userInfo } from 'node:os'
import type { ClientConfig } from 'pg'
import { teamServer, type TeamMode, type TeamRole } from '../../shared/settings/teamSettings'
import type { TeamPasswordStore } from '../secrets/TeamPasswordStore'
import type { SettingsStore } from './SettingsStore'
import { teamClientConfig } from './teamClientConfig'

/** Who this desk is on the team's records: what main's services stamp on calls and actions. */
export interface TeamIdentity {
  mode: TeamMode
  seat: string
  role: TeamRole
}

/**
 * The seat when Settings leaves it empty: the OS user name (as main sees it), reduced to the
 * characters a seat may hold.
 */
export function defaultSeat(): string {
  let name: string
  try {
    name = userInfo().username
  } catch {
    name = process.env['USER'] ?? process.env['USERNAME'] ?? ''
  }
  const seat = name.replace(/[^\p{L}\p{N}._@-]/gu, '-').slice(0, 63)
  return seat || 'desk'
}

/**
 * Team mode as main's services read it, at each use (a save in Settings applies to the next
 * connection): the identity, and the connection for the backend opener with the password
 * unsealed here, in main only.
 */
export class TeamAccess {
  constructor(
    private readonly settings: SettingsStore,
    private readonly passwords: TeamPasswordStore,
    private readonly osSeat: string = defaultSeat()
  ) {}

  identity(): TeamIdentity {
    const { mode, seat, role } = this.settings.get().team
    return { mode, seat: seat || this.osSeat, role }
  }

  /** The default seat name, for the form's placeholder. */
  get defaultSeat(): string {
    return this.osSeat
  }

  /** pg's options for the team database; null on a desk-only console. */
  connectionConfig(): ClientConfig | null {
    const { mode, connection } = this.settings.get().team
    if (mode !== 'team') return null
    return teamClientConfig(connection, this.passwords.reveal(teamServer(connection)))
  }
}
