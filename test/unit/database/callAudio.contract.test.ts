import { afterEach, describe, expect, it } from 'vitest'
import type { NewAudioChunk, SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { session } from './contractFixtures'
import { postgresBackendOn, sqliteBackend, type SessionDatabaseBackend } from './databaseBackends'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

// A call's recorded audio, stored chunk by chunk with its session: the same behaviour on SQLite
// and on the team's PostgreSQL (a scratch server; skipped without one unless CI is set).
describe('call audio on SQLite', () => audioCases(sqliteBackend()))
describe.skipIf(skipWithoutPostgres)('call audio on PostgreSQL', () => {
  const pg = usePostgres()
  audioCases(postgresBackendOn(pg))
})

const MIME = 'audio/webm;codecs=opus'

/** A chunk of `size` bytes, each byte its seq (so a mixed-up order shows). */
function chunk(sessionId: string, seq: number, size = 100): NewAudioChunk {
  return {
    sessionId,
    seq,
    mimeType: MIME,
    startT: 1234.5,
    endMs: (seq + 1) * 1000,
    bytes: new Uint8Array(size).fill(seq % 256)
  }
}

function audioCases(backend: SessionDatabaseBackend): void {
  afterEach(() => backend.close())
  const fresh = (): Promise<SessionDatabase> => backend.open()

  it('stores chunks as they arrive, in any order, each once, and sizes them', async () => {
    const db = await fresh()
    expect(await db.callAudio.summary('LIVE-1')).toBeNull()
    // Chunk 2 before 1 (a retried send), then 1 twice with other bytes: the first one stays.
    expect(await db.callAudio.append(chunk('LIVE-1', 0))).toBe(true)
    expect(await db.callAudio.append(chunk('LIVE-1', 2, 50))).toBe(true)
    expect(await db.callAudio.append(chunk('LIVE-1', 1))).toBe(true)
    expect(await db.callAudio.append({ ...chunk('LIVE-1', 1, 7), endMs: 99_000 })).toBe(false)
    expect(await db.callAudio.append(chunk('LIVE-2', 0, 10))).toBe(true)

    expect(await db.callAudio.summary('LIVE-1')).toEqual({
      mimeType: MIME,
      startT: 1234.5,
      chunks: 3,
      bytes: 250,
      durationMs: 3000,
      lastSeq: 2
    })
    const stored = await db.callAudio.chunks('LIVE-1', 0, 1_000_000)
    expect(stored.map((c) => [c.seq, c.bytes.length, c.bytes[0]])).toEqual([
      [0, 100, 0],
      [1, 100, 1],
      [2, 50, 2]
    ])
  })

  it('pages by size: the first chunk always, then those that fit', async () => {
    const db = await fresh()
    for (let seq = 0; seq < 5; seq++) await db.callAudio.append(chunk('LIVE-1', seq, 100))
    const seqs = async (from: number, max: number): Promise<number[]> =>
      (await db.callAudio.chunks('LIVE-1', from, max)).map((c) => c.seq)
    expect(await seqs(0, 250)).toEqual([0, 1])
    expect(await seqs(2, 300)).toEqual([2, 3, 4])
    expect(await seqs(3, 10)).toEqual([3])
    expect(await seqs(5, 1000)).toEqual([])
  })

  it('appends inside a transaction, undone with it', async () => {
    const db = await fresh()
    await expect(
      db.transactionNow(async (tx) => {
        await tx.callAudio.append(chunk('LIVE-1', 0))
        throw new Error('undo')
      })
    ).rejects.toThrow('undo')
    expect(await db.callAudio.summary('LIVE-1')).toBeNull()
    expect(await db.transactionNow((tx) => tx.callAudio.append(chunk('LIVE-1', 0)))).toBe(true)
    expect((await db.callAudio.summary('LIVE-1'))?.chunks).toBe(1)
  })

  it("deletes a session's audio with the session, and no other's", async () => {
    const db = await fresh()
    await db.transaction(async (tx) => {
      await tx.sessions.insertRecorded(session('S01', { source: 'seed' }), 'now')
      await tx.sessions.insertRecorded(session('LIVE-1', { source: 'live' }), 'now')
    })
    await db.callAudio.append(chunk('S01', 0))
    await db.callAudio.append(chunk('S01', 1))
    await db.callAudio.append(chunk('LIVE-1', 0))
    expect(await db.transaction((tx) => tx.sessions.removeSample())).toBe(1)
    expect(await db.callAudio.summary('S01')).toBeNull()
    expect(await db.callAudio.chunks('S01', 0, 1000)).toEqual([])
    expect((await db.callAudio.summary('LIVE-1'))?.chunks).toBe(1)
  })

  it("deletes a call's audio on its own and keeps who did it and when; the latest deletion wins", async () => {
    const db = await fresh()
    await db.callAudio.append(chunk('LIVE-1', 0))
    await db.callAudio.append(chunk('LIVE-1', 1))
    await db.callAudio.append(chunk('LIVE-2', 0))
    expect(await db.callAudio.removal('LIVE-1')).toBeNull()
    const first = { removedBy: 'lead', removedAt: '2026-12-07T10:00:00.000Z' }
    expect(await db.transaction((tx) => tx.callAudio.remove('LIVE-1', first))).toBe(2)
    expect(await db.callAudio.summary('LIVE-1')).toBeNull()
    expect(await db.callAudio.removal('LIVE-1')).toEqual(first)
    // Nothing brings it back: a late or queued chunk is not stored.
    expect(await db.callAudio.append(chunk('LIVE-1', 5))).toBe(false)
    expect(await db.callAudio.summary('LIVE-1')).toBeNull()
    // Another call's audio is untouched.
    expect((await db.callAudio.summary('LIVE-2'))?.chunks).toBe(1)
    expect(await db.callAudio.removal('LIVE-2')).toBeNull()
    const again = { removedBy: 'lead-2', removedAt: '2026-12-07T11:00:00.000Z' }
    expect(await db.transaction((tx) => tx.callAudio.remove('LIVE-1', again))).toBe(0)
    expect(await db.callAudio.removal('LIVE-1')).toEqual(again)
  })

  it('undoes a deletion with its transaction: the audio stays and no record of it is kept', async () => {
    const db = await fresh()
    await db.callAudio.append(chunk('LIVE-1', 0))
    await expect(
      db.transaction(async (tx) => {
        await tx.callAudio.remove('LIVE-1', {
          removedBy: 'lead',
          removedAt: '2026-12-07T10:00:00.000Z'
        })
        throw new Error('undo')
      })
    ).rejects.toThrow('undo')
    expect((await db.callAudio.summary('LIVE-1'))?.chunks).toBe(1)
    expect(await db.callAudio.removal('LIVE-1')).toBeNull()
  })

  it('forgets a deletion record with its session', async () => {
    const db = await fresh()
    await db.transaction((tx) =>
      tx.sessions.insertRecorded(session('S01', { source: 'seed' }), 'now')
    )
    await db.callAudio.append(chunk('S01', 0))
    await db.transaction((tx) =>
      tx.callAudio.remove('S01', { removedBy: 'lead', removedAt: '2026-12-07T10:00:00.000Z' })
    )
    expect(await db.transaction((tx) => tx.sessions.removeSample())).toBe(1)
    expect(await db.callAudio.removal('S01')).toBeNull()
  })
}
