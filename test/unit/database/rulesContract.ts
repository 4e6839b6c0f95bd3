import { expect, it } from 'vitest'
import { InvalidRulesError } from '../../../src/main/database/SessionDatabase'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { DEFAULT_ESCALATION_THRESHOLDS as DEFAULTS } from '../../../src/shared/escalation/thresholds'
import type { EscalationThresholds } from '../../../src/shared/escalation/thresholds'
import type { SessionDatabaseBackend } from './databaseBackends'

// The escalation rules' operations (`rules`), as every backend must keep them: registered by
// sessionDatabase.contract.test.ts inside its suites, so they run on SQLite and PostgreSQL.

const FIRST_AT = '2026-11-25T14:30:00.000Z'
const LATER_AT = '2026-11-25T15:05:12.345Z'

const STRICTER: EscalationThresholds = {
  ...DEFAULTS,
  interruptions: { ...DEFAULTS.interruptions, total: 5 },
  latency: { ...DEFAULTS.latency, enabled: false, p95Ms: 350 }
}

export function rulesContractCases(backend: SessionDatabaseBackend): void {
  const fresh = (): Promise<SessionDatabase> => backend.open()

  it('keeps no rules until saved, then every group as saved, with the seat and time of the change', async () => {
    const db = await fresh()
    expect(await db.rules.read()).toBeNull()
    await db.rules.write(DEFAULTS, { seat: 'lead', at: FIRST_AT })
    expect(await db.rules.read()).toEqual({
      thresholds: DEFAULTS,
      updatedBy: 'lead',
      updatedAt: FIRST_AT
    })
    await db.rules.write(STRICTER, { seat: null, at: LATER_AT })
    expect(await db.rules.read()).toEqual({
      thresholds: STRICTER,
      updatedBy: null,
      updatedAt: LATER_AT
    })
  })

  it('writes the rules in a transaction: seen inside it, gone when it rolls back', async () => {
    const db = await fresh()
    await expect(
      db.transaction(async (tx) => {
        await tx.rules.write(STRICTER, { seat: 'lead', at: FIRST_AT })
        expect((await tx.rules.read())?.thresholds).toEqual(STRICTER)
        throw new Error('undo')
      })
    ).rejects.toThrow('undo')
    expect(await db.rules.read()).toBeNull()
    await db.transaction((tx) => tx.rules.write(STRICTER, { seat: 'lead', at: FIRST_AT }))
    expect((await db.rules.read())?.thresholds).toEqual(STRICTER)
  })

  it('refuses thresholds the schema refuses, and writes nothing', async () => {
    const db = await fresh()
    const impossible = {
      ...DEFAULTS,
      sentiment: { ...DEFAULTS.sentiment, recentUtterances: 2, minNegative: 3 }
    }
    await expect(db.rules.write(impossible, { seat: 'lead', at: FIRST_AT })).rejects.toThrow(
      'cannot need more negative utterances than are read'
    )
    expect(await db.rules.read()).toBeNull()
  })

  it('reports stored rows the schema refuses (a value, a missing or an unknown group), never using them', async () => {
    const db = await fresh()
    const save = (): Promise<void> => db.rules.write(DEFAULTS, { seat: 'lead', at: FIRST_AT })
    const refusal = async (): Promise<unknown> =>
      db.rules.read().then(
        () => null,
        (e) => e
      )

    await save()
    await backend.exec(
      db,
      `UPDATE escalation_rules SET thresholds = '{"total": 0, "burstCount": 2, "burstWindowSec": 30}'
        WHERE rule_id = 'interruptions'`
    )
    const outOfBounds = await refusal()
    expect(outOfBounds).toBeInstanceOf(InvalidRulesError)
    expect(String(outOfBounds)).toMatch(/escalation_rules: interruptions\.total: Too small/)

    await save()
    await backend.exec(db, `DELETE FROM escalation_rules WHERE rule_id = 'latency'`)
    expect(await refusal()).toEqual(
      new InvalidRulesError(
        'The stored escalation rules are invalid (escalation_rules: no row for latency)'
      )
    )

    await save()
    await backend.exec(
      db,
      `INSERT INTO escalation_rules (rule_id, enabled, thresholds, updated_by, updated_at)
       VALUES ('loudness', 1, '{"db": 80}', 'other-build', '${LATER_AT}')`
    )
    expect(String(await refusal())).toContain('unknown rule group "loudness"')
  })
}
