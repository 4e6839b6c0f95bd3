import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import type { StoredAlert } from '../../../src/shared/escalation/alertRecords'
import { FAILED_REASONS } from '../../../src/shared/ipc/result'
import { ephemeralEncryptor } from '../../../tools/harness/ephemeralEncryptor'
import { applyTeamFlags, parseTeamFlags } from '../../../tools/harness/teamFlags'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { generatedCsv } from '../../support/tempDir'
import { overAgentCall } from '../escalation/scriptedCalls'
import { batches, data, openConsole } from '../recording/support'

type Desk = Awaited<ReturnType<typeof openConsole>>

const AWAY = { ok: false, error: { code: 'failed', message: FAILED_REASONS.teamDatabaseAway } }

describe.skipIf(skipWithoutPostgres)('team mode: requests while the team database is away', () => {
  const pg15 = usePostgres()
  const dirs: string[] = []
  const opened: Services[] = []
  afterEach(() => {
    for (const services of opened.splice(0)) services.close()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  /** A supervisor's desk whose import dialog picks `csv`. */
  async function supervisor(url: string, csv: string): Promise<Desk> {
    const dir = mkdtempSync(join(tmpdir(), 'voice-console-lead-'))
    dirs.push(dir)
    const encryptor = ephemeralEncryptor()
    const team = new URL(url)
    team.searchParams.set('sslmode', 'disable')
    applyTeamFlags(
      dir,
      encryptor,
      parseTeamFlags({ teamDb: team.toString(), seat: 'lead', role: 'supervisor' })!
    )
    const desk = await openConsole(dir, Date.now, {
      encryptor,
      dialogs: {
        pickCsvToOpen: async () => csv,
        pickCsvToSave: async () => null,
        pickPdfToSave: async () => null,
        pickCatalogFileToOpen: async () => null
      }
    })
    opened.push(desk.services)
    return desk
  }

  it('an alert action and an import are refused at once, said so, and nothing is changed; both work once it is back', async () => {
    const url = await pg15.freshUrl()
    const csvDir = mkdtempSync(join(tmpdir(), 'voice-console-csv-'))
    dirs.push(csvDir)
    const csv = join(csvDir, 'sessions.csv')
    writeFileSync(csv, generatedCsv(25))
    const lead = await supervisor(url, csv)
    // A call at this desk raises alerts to act on.
    const { sessionId } = data<{ sessionId: string }>(
      await lead.call('recording.begin', { provider: 'openai', model: 'm', startedAt: Date.now() })
    )
    const inputs = overAgentCall([
      { text: 'No, that is not what I asked.' },
      { text: 'Stop, listen to me.' },
      { text: 'You are not listening at all.' }
    ])
    for (const batch of batches(inputs, 50))
      data(await lead.call('recording.append', { sessionId, events: batch }))
    const [alert] = data<StoredAlert[]>(await lead.call('alerts.list', { status: 'open' }))
    expect(alert).toBeDefined()

    pg15.stop()
    // The outbox learns it first from a live write that cannot go in (the call goes on).
    data(await lead.call('recording.append', { sessionId, events: inputs.slice(-1) }))
    const started = performance.now()
    expect(
      await lead.call('alerts.act', { alertId: alert!.alertId, action: 'acknowledge' })
    ).toEqual(AWAY)
    const picked = data<{ token: string }>(await lead.call('sessions.pickImportFile', {}))
    expect(
      await lead.call('sessions.importFile', { token: picked.token, onConflict: 'fail' })
    ).toEqual(AWAY)
    // Refused, not left hanging until the server is back.
    expect(performance.now() - started).toBeLessThan(15_000)

    await pg15.restart()
    const acted = data<StoredAlert>(
      await lead.call('alerts.act', { alertId: alert!.alertId, action: 'acknowledge' })
    )
    expect(acted).toMatchObject({ status: 'acknowledged', actionBy: 'lead' })
    const again = data<{ token: string }>(await lead.call('sessions.pickImportFile', {}))
    expect(
      await lead.call('sessions.importFile', { token: again.token, onConflict: 'fail' })
    ).toMatchObject({ ok: true, data: { status: 'imported', inserted: 25 } })
    // Nothing from the refused attempts: one action, 25 imported sessions besides the call.
    const actions = data<unknown[]>(await lead.call('alerts.actions', { alertId: alert!.alertId }))
    expect(actions).toHaveLength(1)
  })
})
