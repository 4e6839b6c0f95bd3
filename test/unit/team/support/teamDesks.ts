import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { ServiceOptions, Services } from '../../../../src/main/services'
import { ephemeralEncryptor } from '../../../../tools/harness/ephemeralEncryptor'
import { applyTeamFlags, parseTeamFlags } from '../../../../tools/harness/teamFlags'
import { openConsole } from '../../recording/support'

export type Desk = Awaited<ReturnType<typeof openConsole>>

export interface DeskOptions {
  role?: 'agent' | 'supervisor'
  /** Log in as this user instead of the URL's (a login of resources/team/roles.sql). */
  user?: string
  /** The desk's clock (default: the real one). */
  now?: () => number
  /** More of the services' options (dialogs, …). */
  services?: Partial<ServiceOptions>
}

/**
 * Desks started as the browser harness starts one (`--team-db URL --seat S --role R`): each its
 * own data folder and sealed password, on the team database at `url` (TLS off: the scratch
 * server has none). Closed and deleted after each test.
 */
export function useTeamDesks(): (
  url: string,
  seat: string,
  options?: DeskOptions
) => Promise<Desk> {
  const dirs: string[] = []
  const opened: Services[] = []
  afterEach(() => {
    for (const services of opened.splice(0)) services.close()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  return async (url, seat, options = {}) => {
    const login = new URL(url)
    if (options.user) login.username = options.user
    login.searchParams.set('sslmode', 'disable')
    const dir = mkdtempSync(join(tmpdir(), `voice-console-${seat}-`))
    dirs.push(dir)
    const encryptor = ephemeralEncryptor()
    const flags = parseTeamFlags({ teamDb: login.toString(), seat, role: options.role ?? 'agent' })!
    applyTeamFlags(dir, encryptor, flags)
    const desk = await openConsole(dir, options.now ?? Date.now, {
      encryptor,
      ...options.services
    })
    opened.push(desk.services)
    return desk
  }
}

/** Polls until `read` resolves to a value (not undefined), or fails after `ms`. */
export async function eventually<T>(
  read: () => T | undefined | Promise<T | undefined>,
  ms = 15_000
): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
