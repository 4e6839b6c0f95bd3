import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/database/sqlite/migrations'
import { openDatabase, schemaVersion } from '../../../src/main/database/sqlite/openDatabase'
import { useTempDir } from '../../support/tempDir'

describe('migration v10 (what was said in each call, searchable)', () => {
  const tmp = useTempDir()

  it("indexes a v9 file's recorded calls from their turns, in turn order, as heard", () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const v9 = openDatabase(path, migrations.slice(0, 9))
    v9.exec(
      `INSERT INTO turns (session_id, turn_index, caller_text, agent_text, agent_heard_text)
       VALUES ('LIVE-1', 1, 'and in size ten?', 'Yes, the Ridgeline in size ten', 'Yes, the'),
              ('LIVE-1', 0, '¿Tienen botas impermeables?', 'We have the Trailhead', NULL),
              ('LIVE-2', 0, NULL, 'Hello', NULL)`
    )
    v9.close()

    const db = openDatabase(path)
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(
      db.prepare('SELECT session_id, caller_text, agent_text FROM transcripts ORDER BY 1').all()
    ).toEqual([
      {
        session_id: 'LIVE-1',
        caller_text: '¿Tienen botas impermeables? and in size ten?',
        agent_text: 'We have the Trailhead Yes, the'
      },
      { session_id: 'LIVE-2', caller_text: '', agent_text: 'Hello' }
    ])
    const found = (query: string): unknown[] =>
      db
        .prepare(
          `SELECT t.session_id FROM transcripts_fts JOIN transcripts t ON t.rowid = transcripts_fts.rowid
           WHERE transcripts_fts MATCH ? ORDER BY 1`
        )
        .all(query)
        .map((row) => row['session_id'])
    expect(found('"tienen" "impermeable"*')).toEqual(['LIVE-1'])
    // What the caller did not hear of a cut answer is not what the agent said.
    expect(found('"ridgeline"')).toEqual([])
    expect(found('"hello"')).toEqual(['LIVE-2'])
    db.close()
  })
})
