import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/database/sqlite/migrations'
import { openDatabase, schemaVersion } from '../../../src/main/database/sqlite/openDatabase'
import { useTempDir } from '../../support/tempDir'

describe('migration v9 (the voice engine of each call)', () => {
  const tmp = useTempDir()

  it("makes a v8 file's calls Realtime calls, takes GPT-Live ones, refuses any other engine", () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const v8 = openDatabase(path, migrations.slice(0, 8))
    v8.prepare(
      `INSERT INTO calls (session_id, provider, model, started_at_ms) VALUES ('LIVE-1', 'openai', 'gpt-realtime', 0)`
    ).run()
    v8.close()

    const db = openDatabase(path)
    expect(schemaVersion(db)).toBe(migrations.length)
    const insert = (id: string, engine: string): unknown =>
      db
        .prepare(
          `INSERT INTO calls (session_id, provider, model, started_at_ms, engine) VALUES (?, 'openai', 'gpt-live-1', 0, ?)`
        )
        .run(id, engine)
    insert('LIVE-2', 'live')
    expect(() => insert('LIVE-3', 'beta')).toThrow(/CHECK/)
    expect(db.prepare('SELECT session_id, engine FROM calls ORDER BY session_id').all()).toEqual([
      { session_id: 'LIVE-1', engine: 'realtime' },
      { session_id: 'LIVE-2', engine: 'live' }
    ])
    db.close()
  })
})
