import type { TFunction } from 'i18next'
import type { TeamConnectionTest } from '@shared/settings/teamConnectionTest'
import type { TeamConnection, TeamRole } from '@shared/settings/teamSettings'
import { numberFormat } from '@renderer/i18n'

/**
 * A team connection test in the UI language: one line per finding. The server's own words
 * (already without the password, main blanks it) are quoted after a failure.
 */
export function teamTestLines(
  result: TeamConnectionTest,
  connection: TeamConnection,
  role: TeamRole,
  t: TFunction<'settings'>
): string[] {
  const server = `${connection.host}:${connection.port}`
  if (!result.ok) {
    const line = t(`team.test.failure.${result.kind}`, {
      server,
      user: connection.user,
      database: connection.database
    })
    return result.detail ? [line, t('team.test.detail', { detail: result.detail })] : [line]
  }
  const roleName = t(`team.role.${role}`)
  const lines = [
    t('team.test.connected', {
      version: result.serverVersion,
      ms: numberFormat().format(result.ms)
    }),
    t(`team.test.schema.${result.schema.state}`, { version: result.schema.version ?? '' })
  ]
  for (const problem of result.problems)
    lines.push(
      t(`team.test.${problem.kind}`, {
        privilege: problem.privilege,
        table: problem.table,
        role: roleName
      })
    )
  if (result.problems.length === 0 && result.schema.state !== 'absent')
    lines.push(t('team.test.fits', { role: roleName }))
  return lines
}
