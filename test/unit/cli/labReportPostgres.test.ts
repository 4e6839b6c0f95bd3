import { describe, expect, it } from 'vitest'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { runLabReportCli } from '../../../tools/cli/labReportCli'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { PILOT_CSV } from '../../support/tempDir'

async function run(...argv: string[]) {
  let out = ''
  let err = ''
  const code = await runLabReportCli(argv, {
    out: (t) => void (out += t),
    err: (t) => void (err += t)
  })
  return { code, out, err }
}

describe.skipIf(skipWithoutPostgres)('voice-console-report on a team database', () => {
  const pg15 = usePostgres({ password: true })

  it('prints the same report for a team database as for the CSV imported into it', async () => {
    const url = await pg15.freshUrl()
    const database = await pg15.open(url)
    const imported = await new SessionImporter(database).importFile(PILOT_CSV, 'fail')
    expect(imported).toMatchObject({ status: 'imported', inserted: 15 })

    for (const format of [[], ['--json']]) {
      const fromFile = await run(PILOT_CSV, ...format)
      const fromTeam = await run(url, ...format)
      expect(fromTeam).toEqual({ code: 0, out: fromFile.out, err: '' })
    }
    expect((await run(url)).out).toContain('Average P50 latency: 89.3 ms')
  })

  it('says which database it cannot read, never with its password', async () => {
    const url = new URL(await pg15.freshUrl())
    url.password = 'Not-The-Password-42'
    const { code, out, err } = await run(url.toString())
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toContain(`postgres://postgres:***@127.0.0.1:${pg15.server().port}/`)
    expect(err).toContain('cannot read: password authentication failed')
    expect(err).not.toContain('Not-The-Password-42')
  })
})
