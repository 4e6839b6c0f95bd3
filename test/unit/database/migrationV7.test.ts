import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/database/sqlite/migrations'
import { openDatabase, schemaVersion } from '../../../src/main/database/sqlite/openDatabase'
import { useTempDir } from '../../support/tempDir'

describe('migration v7 (call channels, webhook deliveries)', () => {
  const tmp = useTempDir()

  it("makes a v6 file's calls desk calls, refuses an unknown channel, keys deliveries by id", () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const v6 = openDatabase(path, migrations.slice(0, 6))
    v6.prepare(
      `INSERT INTO calls (session_id, provider, model, started_at_ms) VALUES ('LIVE-1', 'openai', 'gpt-realtime', 0)`
    ).run()
    v6.close()

    const db = openDatabase(path)
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(db.prepare('SELECT session_id, channel FROM calls').all()).toEqual([
      { session_id: 'LIVE-1', channel: 'desk' }
    ])
    expect(() =>
      db
        .prepare(
          `INSERT INTO calls (session_id, provider, model, started_at_ms, channel) VALUES ('LIVE-2', 'openai', 'm', 0, 'fax')`
        )
        .run()
    ).toThrow(/CHECK/)
    const claim = (): unknown =>
      db
        .prepare(
          `INSERT INTO webhook_deliveries (webhook_id, event_type, call_id, instance, received_at)
           VALUES ('wh_1', 'realtime.call.incoming', 'rtc_1', 'gw-a', 'now')`
        )
        .run()
    claim()
    expect(claim).toThrow(/UNIQUE/)
    db.close()
  })
})
