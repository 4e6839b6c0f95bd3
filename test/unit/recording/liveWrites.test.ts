import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import type { NewEvent } from '../../../src/main/database/SessionDatabase'
import {
  openSqliteSessionDatabase,
  type SqliteSessionDatabase
} from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import { SqliteWriteOutbox } from '../../../src/main/database/sqlite/SqliteWriteOutbox'
import { LiveWrites } from '../../../src/main/recording/LiveWrites'
import { useTempDir } from '../../support/tempDir'

const SESSION = 'LIVE-20261125-143012-ab12'
const CALL = {
  sessionId: SESSION,
  callId: null,
  provider: 'custom',
  model: 'gpt-realtime',
  startedAtMs: 1,
  pricing: null,
  sentimentReader: 'lexicon'
}
const event = (t: number): NewEvent => ({
  atMs: t,
  direction: 'local',
  type: 'clock.tick',
  payload: JSON.stringify({ type: 'clock.tick', t })
})
const ALERT = {
  sessionId: SESSION,
  rule: 'interruptions_total' as const,
  severity: 'warning' as const,
  raisedAt: '2026-11-25T14:31:00.000Z',
  evidence: '{}'
}

describe('LiveWrites: the outbox and its drain', () => {
  const tmp = useTempDir()
  const open: { close(): unknown }[] = []
  afterEach(async () => {
    for (const handle of open.splice(0).reverse()) await handle.close()
  })
  const paths = () => ({
    database: join(tmp.path(), 'sessions.sqlite'),
    outbox: join(tmp.path(), 'recording-outbox.sqlite')
  })
  const openDatabase = (): SqliteSessionDatabase => {
    const database = openSqliteSessionDatabase(paths().database)
    open.push(database)
    return database
  }
  const openWrites = (database: SqliteSessionDatabase): LiveWrites => {
    const writes = new LiveWrites(database, new SqliteWriteOutbox(paths().outbox))
    open.push(writes)
    return writes
  }
  const holdLock = (): DatabaseSync => {
    const lock = new DatabaseSync(paths().database)
    lock.exec('BEGIN IMMEDIATE')
    open.push(lock)
    return lock
  }
  const seqs = (database: SqliteSessionDatabase): number[] =>
    database.connection
      .prepare('SELECT seq FROM events WHERE session_id = ? ORDER BY seq')
      .all(SESSION)
      .map((row) => Number(row['seq']))

  it('writes straight in when the lock is free, and queues in order when it is not', async () => {
    const database = openDatabase()
    const writes = openWrites(database)
    expect(await writes.begin(CALL)).toBe(true)
    await writes.events(SESSION, [event(1), event(2)])
    expect(writes.backlog).toBe(0)
    expect(await database.events.count(SESSION)).toBe(2)

    const lock = holdLock()
    await writes.events(SESSION, [event(3)])
    const alertId = await writes.alert(ALERT)
    await writes.events(SESSION, [event(4), event(5)])
    expect(writes.backlog).toBe(3)
    expect(alertId).toBe(1) // reserved: the first alert of this database
    lock.exec('ROLLBACK')

    await writes.settled()
    expect(writes.backlog).toBe(0)
    expect(seqs(database)).toEqual([0, 1, 2, 3, 4])
    expect((await database.events.list(SESSION)).map((e) => e.atMs)).toEqual([1, 2, 3, 4, 5])
    expect(await database.alerts.get(alertId!)).toMatchObject({ rule: 'interruptions_total' })
  })

  it("queues a call's audio while the lock is taken, keeps it through a restart, stores it once", async () => {
    const database = openDatabase()
    const first = openWrites(database)
    const chunk = (seq: number) => ({
      sessionId: SESSION,
      seq,
      mimeType: 'audio/webm;codecs=opus',
      startT: 10,
      endMs: (seq + 1) * 1000,
      bytes: new Uint8Array([seq, 200, 7])
    })
    expect(await first.audio(chunk(0))).toBe(true)
    const lock = holdLock()
    expect(await first.audio(chunk(1))).toBe(true)
    expect(await first.audio(chunk(0))).toBe(true) // a retry while queued: stored once below
    expect(first.backlog).toBe(2)
    // The process dies with the audio still queued: the outbox file keeps it.
    first.close()
    open.splice(open.indexOf(first), 1)
    lock.exec('ROLLBACK')
    const second = openWrites(database)
    expect(await second.drainNow()).toBe(true)
    const stored = await database.callAudio.chunks(SESSION, 0, 1000)
    expect(stored.map((c) => [c.seq, [...c.bytes]])).toEqual([
      [0, [0, 200, 7]],
      [1, [1, 200, 7]]
    ])
  })

  it('never writes an entry twice: a crash between the copy and the delete is skipped', async () => {
    const database = openDatabase()
    const writes = openWrites(database)
    const lock = holdLock()
    await writes.begin(CALL)
    await writes.events(SESSION, [event(1), event(2)])
    await writes.alert(ALERT)
    await writes.events(SESSION, [event(3)])
    expect(writes.backlog).toBe(4)
    // The outbox as it stands before the drain (closed: its log is folded into the file).
    writes.close()
    open.splice(open.indexOf(writes), 1)
    const before = join(tmp.path(), 'outbox-before-drain.sqlite')
    copyFileSync(paths().outbox, before)
    lock.exec('ROLLBACK')

    const drained = openWrites(database)
    expect(await drained.drainNow()).toBe(true)
    expect(await database.events.count(SESSION)).toBe(3)
    drained.close()
    open.splice(open.indexOf(drained), 1)

    // Crash after the drain committed, before the outbox deleted: the same entries come back.
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(paths().outbox + suffix)) rmSync(paths().outbox + suffix)
    copyFileSync(before, paths().outbox)
    const again = openWrites(database)
    expect(again.backlog).toBe(4)
    expect(await again.drainNow()).toBe(true)
    expect(again.backlog).toBe(0)
    expect(seqs(database)).toEqual([0, 1, 2])
    expect(await database.alerts.forSession(SESSION)).toHaveLength(1)
    expect(await database.calls.get(SESSION)).toMatchObject({ status: 'active' })
  })

  it('drains a queue left by a crash at the next open, alerts keeping their reserved ids', async () => {
    const database = openDatabase()
    const first = openWrites(database)
    const lock = holdLock()
    await first.begin(CALL)
    const ids = [await first.alert(ALERT), await first.alert(ALERT)]
    first.close()
    open.splice(open.indexOf(first), 1)

    // Still locked at the next open: a new alert must not take a queued alert's id.
    const second = openWrites(database)
    expect(await second.drainNow()).toBe(false)
    const third = await second.alert(ALERT)
    expect(new Set([...ids, third]).size).toBe(3)
    lock.exec('ROLLBACK')
    expect(await second.drainNow()).toBe(true)
    expect((await database.alerts.forSession(SESSION)).map((a) => a.alert_id)).toEqual([
      ...ids,
      third
    ])
  })
})
