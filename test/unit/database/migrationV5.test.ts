import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/database/sqlite/migrations'
import { openDatabase, schemaVersion } from '../../../src/main/database/sqlite/openDatabase'
import { useTempDir } from '../../support/tempDir'

describe('migration v5 (failed calls)', () => {
  const tmp = useTempDir()

  it('rebuilds calls in place: rows kept, failed allowed, other statuses still refused', () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const v4 = openDatabase(path, migrations.slice(0, 4))
    v4.prepare(
      `INSERT INTO calls (session_id, call_id, provider, model, started_at_ms, ended_at_ms, status,
         pricing, counted_turns, finalized_at, sentiment_reader, labelled_by, labels_reason,
         labels_error)
       VALUES ('LIVE-A', 'c1', 'openai', 'rt', 1, 9, 'finished', '{}', 2, 'then', 'lexicon',
         'lexicon', 'no_key', NULL),
              ('LIVE-B', NULL, 'azure', 'rt', 5, NULL, 'active', NULL, NULL, NULL, NULL, NULL,
         NULL, NULL)`
    ).run()
    v4.close()

    const db = openDatabase(path)
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(db.prepare('SELECT * FROM calls ORDER BY session_id').all()).toEqual([
      {
        session_id: 'LIVE-A',
        call_id: 'c1',
        provider: 'openai',
        model: 'rt',
        started_at_ms: 1,
        ended_at_ms: 9,
        status: 'finished',
        pricing: '{}',
        counted_turns: 2,
        finalized_at: 'then',
        sentiment_reader: 'lexicon',
        labelled_by: 'lexicon',
        labels_reason: 'no_key',
        labels_error: null,
        finalize_error: null,
        finalize_failed_at: null,
        finalize_attempts: null,
        // v7, applied after: the calls before it were placed at a desk.
        channel: 'desk',
        // v8: no supervisor ended or transferred them.
        outcome: null,
        // v9: they ran on the Realtime API, the only engine before GPT-Live.
        engine: 'realtime'
      },
      expect.objectContaining({ session_id: 'LIVE-B', status: 'active', ended_at_ms: null })
    ])
    db.prepare("UPDATE calls SET status = 'failed' WHERE session_id = 'LIVE-B'").run()
    expect(() =>
      db.prepare("UPDATE calls SET status = 'paused' WHERE session_id = 'LIVE-B'").run()
    ).toThrow(/CHECK/)
    // The status index came back with the table.
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'calls'").all()
    ).toContainEqual({ name: 'calls_status' })
    db.close()
  })
})
