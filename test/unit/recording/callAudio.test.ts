import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import { MAX_AUDIO_CHUNK_BYTES } from '../../../src/shared/live-call/callAudio'
import type { CallAudioPage } from '../../../src/shared/live-call/callAudio'
import { defaultSettings } from '../../../src/shared/settings/settingsSchema'
import { useTempDir } from '../../support/tempDir'
import { deskDatabaseOf } from '../../support/testServices'
import { data, openConsole, STARTED_AT } from './support'

// Recorded call audio through the real chokepoint and services: the opt-in kept by main, bad
// chunks refused with a clear error and nothing stored, retries and late chunks stored once.

const MIME = 'audio/webm;codecs=opus'
const base64 = (bytes: number[]): string => Buffer.from(bytes).toString('base64')
const audioChunk = (
  sessionId: string,
  seq: number,
  bytes: number[] = [seq, seq, seq]
): unknown => ({
  sessionId,
  seq,
  mimeType: MIME,
  startT: 812.25,
  endMs: (seq + 1) * 1000,
  data: base64(bytes)
})

describe('recorded call audio', () => {
  const tmp = useTempDir()
  let open: Services | undefined
  afterEach(() => open?.close())

  async function consoleWithCall(recordAudio: boolean): Promise<{
    call: (route: string, input: unknown) => Promise<unknown>
    services: Services
    sessionId: string
  }> {
    const { services, call } = await openConsole(tmp.path())
    open = services
    data(await call('settings.save', { ...defaultSettings(), recordAudio }))
    const begun = data<{ sessionId: string }>(
      await call('recording.begin', {
        provider: 'openai',
        model: 'gpt-realtime',
        startedAt: STARTED_AT
      })
    )
    return { services, call, sessionId: begun.sessionId }
  }

  const storedChunks = (services: Services): unknown =>
    deskDatabaseOf(services).connection.prepare('SELECT COUNT(*) AS n FROM call_audio').get()

  it('is off by default, and main refuses audio while it is off', async () => {
    expect(defaultSettings().recordAudio).toBe(false)
    const { services, call, sessionId } = await consoleWithCall(false)
    expect(await call('recording.appendAudio', audioChunk(sessionId, 0))).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Audio recording is off') }
    })
    expect(storedChunks(services)).toEqual({ n: 0 })
    expect(await call('recording.audio', { sessionId, fromSeq: 0 })).toEqual({
      ok: true,
      data: null
    })
  })

  it('stores late and repeated chunks once each, kept through hang-up and read back in order', async () => {
    const { call, sessionId } = await consoleWithCall(true)
    for (const seq of [0, 2, 1, 2, 3])
      data(await call('recording.appendAudio', audioChunk(sessionId, seq)))
    expect(await call('recording.appendAudio', audioChunk(sessionId, 1, [9]))).toEqual({
      ok: true,
      data: { stored: false }
    })
    data(await call('recording.finish', { sessionId, endedAt: STARTED_AT + 5000 }))
    const page = data<CallAudioPage>(await call('recording.audio', { sessionId, fromSeq: 0 }))
    expect(page.info).toEqual({
      mimeType: MIME,
      startT: 812.25,
      chunks: 4,
      bytes: 12,
      durationMs: 4000
    })
    expect(page.chunks.map((c) => [c.seq, [...Buffer.from(c.data, 'base64')]])).toEqual([
      [0, [0, 0, 0]],
      [1, [1, 1, 1]],
      [2, [2, 2, 2]],
      [3, [3, 3, 3]]
    ])
    expect(page.nextSeq).toBeNull()
    // A chunk that arrives after the hang-up (a retry) still finds its place.
    data(await call('recording.appendAudio', audioChunk(sessionId, 4)))
    const later = data<CallAudioPage>(await call('recording.audio', { sessionId, fromSeq: 4 }))
    expect(later.chunks.map((c) => c.seq)).toEqual([4])
  })

  it('reads a long recording back page by page, each chunk once, and says when it is the last', async () => {
    const { call, sessionId } = await consoleWithCall(true)
    // 26 chunks of 250 KB: more than one 6 MB page.
    const bytesOf = (seq: number): number[] =>
      Array.from({ length: 250 * 1024 }, (_, i) => (i + seq) % 251)
    for (let seq = 0; seq < 26; seq++)
      data(await call('recording.appendAudio', audioChunk(sessionId, seq, bytesOf(seq))))
    const pages: CallAudioPage[] = []
    for (let from: number | null = 0; from !== null; from = pages.at(-1)!.nextSeq)
      pages.push(data<CallAudioPage>(await call('recording.audio', { sessionId, fromSeq: from })))
    expect(pages.length).toBe(2)
    expect(pages[0]!.nextSeq).toBe(pages[0]!.chunks.at(-1)!.seq + 1)
    const read = pages.flatMap((page) => page.chunks)
    expect(read.map((c) => c.seq)).toEqual(Array.from({ length: 26 }, (_, seq) => seq))
    expect(
      read.every((c) => Buffer.from(c.data, 'base64').equals(Buffer.from(bytesOf(c.seq))))
    ).toBe(true)
  })

  it("deletes an ended call's audio on request, keeps who and when, and never takes it back", async () => {
    const { services, call, sessionId } = await consoleWithCall(true)
    for (const seq of [0, 1, 2])
      data(await call('recording.appendAudio', audioChunk(sessionId, seq)))
    // Not while the call is still recorded: its next chunk would bring the audio back.
    expect(await call('recording.removeAudio', { sessionId })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('still being recorded') }
    })
    data(await call('recording.finish', { sessionId, endedAt: STARTED_AT + 5000 }))
    expect(await call('recording.removeAudio', { sessionId, all: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
    expect(storedChunks(services)).toEqual({ n: 3 })

    const removed = data<{ removedBy: string; removedAt: string; chunks: number }>(
      await call('recording.removeAudio', { sessionId })
    )
    expect(removed.chunks).toBe(3)
    expect(removed.removedBy).not.toBe('')
    expect(Date.parse(removed.removedAt)).not.toBeNaN()
    expect(storedChunks(services)).toEqual({ n: 0 })
    expect(data(await call('recording.audio', { sessionId, fromSeq: 0 }))).toBeNull()
    expect(data(await call('recording.audioRemoval', { sessionId }))).toEqual({
      removedBy: removed.removedBy,
      removedAt: removed.removedAt
    })
    // A late retry of a chunk is refused, said so, and stores nothing.
    expect(await call('recording.appendAudio', audioChunk(sessionId, 3))).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('audio was deleted') }
    })
    expect(storedChunks(services)).toEqual({ n: 0 })
    expect(await call('recording.removeAudio', { sessionId })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('no recorded audio to delete') }
    })
  })

  it('keeps every chunk stored before a crash, with the call recovered at the next start', async () => {
    const { services, call, sessionId } = await consoleWithCall(true)
    data(
      await call('recording.append', {
        sessionId,
        events: [{ t: 5, event: { type: 'clock.tick' } }]
      })
    )
    for (const seq of [0, 1, 2])
      data(await call('recording.appendAudio', audioChunk(sessionId, seq)))
    // The process dies mid-call: no hang-up, nothing flushed.
    services.close()
    open = undefined
    const next = await openConsole(tmp.path())
    open = next.services
    const detail = data<{ status: string }>(await next.call('recording.get', { sessionId }))
    expect(detail.status).toBe('incomplete')
    const page = data<CallAudioPage>(await next.call('recording.audio', { sessionId, fromSeq: 0 }))
    expect(page.chunks.map((c) => c.seq)).toEqual([0, 1, 2])
    expect(page.info.durationMs).toBe(3000)
  })

  it('refuses bad chunks with a clear error and stores nothing of them', async () => {
    const { services, call, sessionId } = await consoleWithCall(true)
    const good = audioChunk(sessionId, 0) as Record<string, unknown>
    const cases: [string, unknown][] = [
      ['not base64', { ...good, data: 'not base64!' }],
      ['too big', { ...good, data: Buffer.alloc(MAX_AUDIO_CHUNK_BYTES + 3).toString('base64') }],
      ['negative seq', { ...good, seq: -1 }],
      ['fractional seq', { ...good, seq: 1.5 }],
      ['video', { ...good, mimeType: 'video/webm' }],
      ['script in the type', { ...good, mimeType: 'audio/webm;codecs=<script>' }],
      ['no session', { ...good, sessionId: undefined }],
      ['not a live id', { ...good, sessionId: "S01' OR 1=1" }],
      ['extra field', { ...good, path: '/etc/passwd' }],
      ['negative end', { ...good, endMs: -5 }],
      ['no bytes', { ...good, data: undefined }]
    ]
    for (const [name, payload] of cases)
      expect(await call('recording.appendAudio', payload), name).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
    // A well-formed chunk for a call that was never begun: refused by the handler, and said why.
    expect(
      await call('recording.appendAudio', audioChunk('LIVE-20261125-143012-beef', 0))
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('is not a recorded call') }
    })
    expect(storedChunks(services)).toEqual({ n: 0 })
    // The largest chunk allowed still goes through.
    const largest = { ...good, data: Buffer.alloc(MAX_AUDIO_CHUNK_BYTES, 7).toString('base64') }
    expect(await call('recording.appendAudio', largest)).toEqual({
      ok: true,
      data: { stored: true }
    })
  })
})
