import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/database/sqlite/migrations'
import { openDatabase, schemaVersion } from '../../../src/main/database/sqlite/openDatabase'
import { useTempDir } from '../../support/tempDir'

describe('migration v2 (recording)', () => {
  const tmp = useTempDir()

  it('upgrades a v1 database in place: turns keep their rows and gain kind', () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const v1 = openDatabase(path, migrations.slice(0, 1))
    v1.prepare(
      "INSERT INTO turns (session_id, turn_index, caller_text) VALUES ('S1', 1, 'hi')"
    ).run()
    v1.close()
    const db = openDatabase(path)
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(db.prepare('SELECT session_id, caller_text, kind FROM turns').all()).toEqual([
      { session_id: 'S1', caller_text: 'hi', kind: null }
    ])
    expect(() =>
      db
        .prepare(
          "INSERT INTO calls (session_id, provider, model, started_at_ms, status) VALUES ('x', 'p', 'm', 1, 'paused')"
        )
        .run()
    ).toThrow(/CHECK/)
    db.close()
  })
})
