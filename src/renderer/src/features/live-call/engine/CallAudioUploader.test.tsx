import { afterEach, describe, expect, it } from 'vitest'
import type { Result } from '@shared/ipc/contract'
import { routes } from '@shared/ipc/contract'
import { mockApi, ok } from '@renderer/test/mockApi'
import type { CapturedAudio } from './CallAudioCapture'
import { CallAudioUploader, type AudioUploadStatus } from './CallAudioUploader'

const SESSION = 'LIVE-20261125-193000-ab12'
const piece = (seq: number): CapturedAudio => ({
  seq,
  mimeType: 'audio/webm;codecs=opus',
  startT: 500,
  endMs: (seq + 1) * 1000,
  data: { arrayBuffer: async () => new Uint8Array([seq, 1, 2]).buffer }
})
const failed = (code: 'failed' | 'invalid_input', message: string): Result<unknown> => ({
  ok: false,
  error: { code, message }
})
const noWait = (): Promise<void> => Promise.resolve()

describe('CallAudioUploader', () => {
  afterEach(() => Reflect.deleteProperty(window, 'api'))

  it('keeps pieces cut before the session is named, then sends all in order as the route wants', async () => {
    const request = mockApi({ 'recording.appendAudio': ok({ stored: true }) })
    const statuses: AudioUploadStatus[] = []
    const uploader = new CallAudioUploader((s) => statuses.push(s), Date.now, noWait)
    uploader.add(piece(0))
    uploader.add(piece(1))
    let name: (id: string) => void = () => undefined
    uploader.useSession(new Promise((resolve) => (name = resolve)))
    uploader.add(piece(2))
    expect(request).not.toHaveBeenCalled()
    name(SESSION)
    uploader.add(piece(3))
    expect(await uploader.finish()).toBe('done')
    const sent = request.mock.calls.map(([, input]) => input as { seq: number; data: string })
    expect(sent.map((s) => s.seq)).toEqual([0, 1, 2, 3])
    for (const input of sent)
      expect(routes['recording.appendAudio'].input.safeParse(input).success).toBe(true)
    expect(sent[2]).toMatchObject({ sessionId: SESSION, startT: 500, endMs: 3000, data: 'AgEC' })
    expect(statuses).toEqual(['done'])
  })

  it('retries a piece main could not store, in order, and says so when it takes a while', async () => {
    let clock = 0
    const request = mockApi({
      'recording.appendAudio': [
        ok({ stored: true }),
        failed('failed', 'The session database is busy with another writer (an import)'),
        failed('failed', 'The session database is busy with another writer (an import)'),
        ok({ stored: true }),
        ok({ stored: true })
      ]
    })
    const statuses: AudioUploadStatus[] = []
    const uploader = new CallAudioUploader(
      (s) => statuses.push(s),
      () => clock,
      async (ms) => void (clock += ms * 20)
    )
    uploader.useSession(Promise.resolve(SESSION))
    for (const seq of [0, 1, 2]) uploader.add(piece(seq))
    expect(await uploader.finish()).toBe('done')
    const seqs = request.mock.calls.map(([, input]) => (input as { seq: number }).seq)
    expect(seqs).toEqual([0, 1, 1, 1, 2])
    expect(statuses).toEqual(['delayed', 'recording', 'done'])
  })

  it('stops at a refusal, and at hang-up gives up on a main that keeps failing', async () => {
    mockApi({ 'recording.appendAudio': failed('invalid_input', 'Invalid input') })
    const refused = new CallAudioUploader(() => {}, Date.now, noWait)
    refused.useSession(Promise.resolve(SESSION))
    refused.add(piece(0))
    expect(await refused.finish()).toBe('failed')

    let clock = 0
    mockApi({ 'recording.appendAudio': failed('failed', 'connection lost') })
    const away = new CallAudioUploader(
      () => {},
      () => clock,
      async (ms) => void (clock += ms)
    )
    away.useSession(Promise.resolve(SESSION))
    expect(await away.finish()).toBe('done')
    away.add(piece(0))
    expect(await away.finish()).toBe('failed')
    expect(clock).toBeGreaterThanOrEqual(10_000)
  })

  it('drops everything when the call got no session (its recording could not begin)', async () => {
    const request = mockApi({})
    const uploader = new CallAudioUploader(() => {}, Date.now, noWait)
    uploader.add(piece(0))
    uploader.useSession(Promise.resolve(null))
    expect(await uploader.finish()).toBe('failed')
    expect(request).not.toHaveBeenCalled()
  })
})
