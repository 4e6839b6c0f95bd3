import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RulesTable } from '../../../src/main/database/SessionDatabase'
import { SqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import { EscalationRulesStore } from '../../../src/main/escalation/EscalationRulesStore'
import type { EscalationRulesStoreOptions } from '../../../src/main/escalation/EscalationRulesStore'
import { SettingsStore } from '../../../src/main/settings/SettingsStore'
import { DEFAULT_ESCALATION_THRESHOLDS as DEFAULTS } from '../../../src/shared/escalation/thresholds'
import type { EscalationThresholds } from '../../../src/shared/escalation/thresholds'
import { useTempDir } from '../../support/tempDir'

// The store on a real database file and a real settings.json. A desk's SQLite has the same
// escalation_rules table as the team's PostgreSQL (the contract suite holds them alike), so
// team mode's logic is run here on SQLite; the PostgreSQL roles are test/unit/team's.

const SAVED_AT = Date.UTC(2026, 10, 25, 14, 30)
const STRICTER: EscalationThresholds = {
  ...DEFAULTS,
  interruptions: { ...DEFAULTS.interruptions, total: 5 }
}
const DESK_OWN: EscalationThresholds = {
  ...DEFAULTS,
  latency: { ...DEFAULTS.latency, p95Ms: 420 }
}

describe('EscalationRulesStore', () => {
  const tmp = useTempDir()
  const databases: SqliteSessionDatabase[] = []
  afterEach(async () => {
    for (const db of databases.splice(0)) await db.close().catch(() => undefined)
  })

  /** A desk's settings (its own thresholds: DESK_OWN) and the database both desks share. */
  function setUp(): { settings: SettingsStore; db: SqliteSessionDatabase } {
    const settings = new SettingsStore(tmp.path())
    settings.save({ ...settings.get(), escalation: DESK_OWN })
    const db = new SqliteSessionDatabase(join(tmp.path(), 'sessions.sqlite'))
    databases.push(db)
    return { settings, db }
  }

  const store = (
    over: Partial<EscalationRulesStoreOptions> &
      Pick<EscalationRulesStoreOptions, 'rules' | 'settings'>
  ): EscalationRulesStore =>
    new EscalationRulesStore({
      mode: 'team',
      seat: () => 'desk-a',
      now: () => SAVED_AT,
      log: () => undefined,
      ...over
    })

  const settingsFile = (): unknown =>
    JSON.parse(readFileSync(join(tmp.path(), 'settings.json'), 'utf8'))

  it("on a desk, applies and saves settings.json's thresholds and never touches the table", async () => {
    const { settings, db } = setUp()
    const desk = store({ rules: db.rules, settings, mode: 'desk' })
    expect(await desk.refresh()).toEqual({
      thresholds: DESK_OWN,
      mode: 'desk',
      source: 'desk',
      updatedBy: null,
      updatedAt: null,
      problem: null
    })
    expect((await desk.save(STRICTER)).thresholds).toEqual(STRICTER)
    expect(desk.current()).toEqual(STRICTER)
    expect(settingsFile()).toMatchObject({ escalation: STRICTER })
    expect(await db.rules.read()).toBeNull()
  })

  it("in team mode applies the desk's own until the team saved rules, and seeds nothing", async () => {
    const { settings, db } = setUp()
    const team = store({ rules: db.rules, settings })
    expect(await team.refresh()).toMatchObject({ mode: 'team', source: 'desk', problem: null })
    expect(team.current()).toEqual(DESK_OWN)
    expect(await db.rules.read()).toBeNull()
  })

  it("saves the team's rules with the seat, leaves settings.json alone, and says so", async () => {
    const { settings, db } = setUp()
    const saved: unknown[] = []
    const team = store({ rules: db.rules, settings, onSaved: (change) => saved.push(change) })
    await team.refresh()
    const at = new Date(SAVED_AT).toISOString()
    expect(await team.save(STRICTER)).toEqual({
      thresholds: STRICTER,
      mode: 'team',
      source: 'team',
      updatedBy: 'desk-a',
      updatedAt: at,
      problem: null
    })
    expect(team.current()).toEqual(STRICTER)
    expect(await db.rules.read()).toEqual({
      thresholds: STRICTER,
      updatedBy: 'desk-a',
      updatedAt: at
    })
    expect(settingsFile()).toMatchObject({ escalation: DESK_OWN })
    expect(saved).toEqual([{ bySeat: 'desk-a', at }])
  })

  it("keeps the rules it read until refresh() picks up another desk's change", async () => {
    const { settings, db } = setUp()
    const mine = store({ rules: db.rules, settings })
    const other = store({ rules: db.rules, settings, seat: () => 'lead' })
    await other.save(DEFAULTS)
    await mine.refresh()
    expect(mine.current()).toEqual(DEFAULTS)
    await other.save(STRICTER)
    expect(mine.current()).toEqual(DEFAULTS)
    expect(await mine.refresh()).toMatchObject({ thresholds: STRICTER, updatedBy: 'lead' })
    expect(mine.current()).toEqual(STRICTER)
  })

  it("never applies invalid rows: the desk's own apply, and the reason is given", async () => {
    const { settings, db } = setUp()
    const team = store({ rules: db.rules, settings })
    await team.save(STRICTER)
    db.connection.exec(
      `UPDATE escalation_rules SET thresholds = '{"total": 0, "burstCount": 2, "burstWindowSec": 30}'
        WHERE rule_id = 'interruptions'`
    )
    const state = await team.refresh()
    expect(state).toMatchObject({ source: 'desk', thresholds: DESK_OWN })
    expect(state.problem?.reason).toBe('invalid')
    expect(state.problem?.detail).toMatch(/escalation_rules: interruptions\.total: Too small/)
    expect(team.current()).toEqual(DESK_OWN)
    // A supervisor's save puts valid rules back.
    expect(await team.save(STRICTER)).toMatchObject({ source: 'team', problem: null })
  })

  it('keeps the last rules read when a read fails, and says it failed', async () => {
    const { settings, db } = setUp()
    const logged: unknown[] = []
    const team = store({ rules: db.rules, settings, log: (_, error) => logged.push(error) })
    await team.save(STRICTER)
    await db.close()
    const state = await team.refresh()
    expect(state).toMatchObject({
      thresholds: STRICTER,
      source: 'team',
      problem: { reason: 'unreadable', detail: null }
    })
    expect(logged).toHaveLength(1)
  })

  it('drops a read that began before a save finished (it would bring back the older rules)', async () => {
    const { settings, db } = setUp()
    await db.rules.write(DEFAULTS, { seat: 'lead', at: '2026-11-25T14:00:00.000Z' })
    let release = (): void => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    // The real table, its read answered only once the save below is done.
    const slowReads: RulesTable = {
      read: async () => {
        const stored = await db.rules.read()
        await held
        return stored
      },
      write: (thresholds, change) => db.rules.write(thresholds, change)
    }
    const team = store({ rules: slowReads, settings })
    const reading = team.refresh()
    await team.save(STRICTER)
    release()
    expect((await reading).thresholds).toEqual(STRICTER)
    expect(team.current()).toEqual(STRICTER)
  })
})
