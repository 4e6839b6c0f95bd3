import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/database/sqlite/migrations'
import { openDatabase, schemaVersion } from '../../../src/main/database/sqlite/openDatabase'
import { useTempDir } from '../../support/tempDir'

describe('migration v6 (escalation_rules)', () => {
  const tmp = useTempDir()

  it('adds the rules table to a v5 file, data kept: one row per group, a JSON object, a 0/1 flag', () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const v5 = openDatabase(path, migrations.slice(0, 5))
    v5.prepare("INSERT INTO meta VALUES ('pilot_seeded_at', 'then')").run()
    v5.close()

    const db = openDatabase(path)
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(db.prepare("SELECT value FROM meta WHERE key = 'pilot_seeded_at'").get()).toEqual({
      value: 'then'
    })
    const insert = (ruleId: string, enabled: number, thresholds: string): unknown =>
      db
        .prepare(
          `INSERT INTO escalation_rules (rule_id, enabled, thresholds, updated_by, updated_at)
           VALUES (?, ?, ?, 'lead', '2026-11-25T14:30:00.000Z')`
        )
        .run(ruleId, enabled, thresholds)
    insert('interruptions', 1, '{"total": 3, "burstCount": 2, "burstWindowSec": 30}')
    expect(() => insert('interruptions', 0, '{}')).toThrow(/UNIQUE/)
    expect(() => insert('latency', 1, '[200]')).toThrow(/CHECK/)
    expect(() => insert('latency', 1, 'not json')).toThrow(/CHECK/)
    expect(() => insert('latency', 2, '{}')).toThrow(/CHECK/)
    expect(db.prepare('SELECT rule_id, enabled FROM escalation_rules').all()).toEqual([
      { rule_id: 'interruptions', enabled: 1 }
    ])
    db.close()
  })
})
