import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/database/sqlite/migrations'
import { openDatabase, schemaVersion } from '../../../src/main/database/sqlite/openDatabase'
import { useTempDir } from '../../support/tempDir'

describe('migration v3 (alert actions)', () => {
  const tmp = useTempDir()

  it('moves the actions already taken on alerts into the action log, and only those', () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const v2 = openDatabase(path, migrations.slice(0, 2))
    const insert = v2.prepare(
      `INSERT INTO alerts (session_id, rule, severity, raised_at, evidence, status, action_by, action_at, action_note)
       VALUES (?, 'human_request', 'critical', '2026-11-25T10:00:00.000Z', '{}', ?, ?, ?, ?)`
    )
    insert.run('LIVE-1', 'open', null, null, null)
    insert.run('LIVE-1', 'dismissed', 'sup', '2026-11-25T10:01:00.000Z', 'echo — test')
    insert.run('LIVE-2', 'escalated', 'sup', '2026-11-25T10:02:00.000Z', null)
    v2.close()

    const db = openDatabase(path)
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(
      db
        .prepare(
          'SELECT alert_id, session_id, action, action_by, action_at, note FROM alert_actions'
        )
        .all()
        .map((row) => ({ ...row }))
    ).toEqual([
      {
        alert_id: 2,
        session_id: 'LIVE-1',
        action: 'dismiss',
        action_by: 'sup',
        action_at: '2026-11-25T10:01:00.000Z',
        note: 'echo — test'
      },
      {
        alert_id: 3,
        session_id: 'LIVE-2',
        action: 'escalate',
        action_by: 'sup',
        action_at: '2026-11-25T10:02:00.000Z',
        note: null
      }
    ])
    expect(() =>
      db
        .prepare(
          "INSERT INTO alert_actions (alert_id, session_id, action, action_by, action_at) VALUES (1, 'LIVE-1', 'shrug', 'sup', 'now')"
        )
        .run()
    ).toThrow(/CHECK/)
    db.close()
  })
})
