import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { replayCall } from '@shared/live-call/callReducer'
import type { ReplayScheduler } from '@shared/live-call/replayPlayer'
import { turnRows } from '@shared/live-call/turnRows'
import { NORMAL_CALL } from '../../../../../../test/support/callFixtures'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { RecordedCall } from './RecordedCall'

const SESSION = 'LIVE-20261125-143012-ab12'
const MIME = 'audio/webm;codecs=opus'
/** The audio began 1 s into the call's recorded inputs (NORMAL_CALL starts at t = 0). */
const INFO = { mimeType: MIME, chunks: 3, bytes: 245_760, durationMs: 18_000, startT: 1000 }

function manualScheduler(): ReplayScheduler & { advance(ms: number): void } {
  let now = 0
  let tick: (() => void) | null = null
  return {
    now: () => now,
    every: (_ms, fn) => {
      tick = fn
      return () => void (tick = null)
    },
    advance(ms) {
      now += ms
      tick?.()
    }
  }
}

function renderCall(
  audio: unknown[],
  scheduler: ReplayScheduler = manualScheduler(),
  more: Record<string, ReturnType<typeof ok>> = {}
) {
  const request = mockApi({
    'recording.get': ok({
      session: null,
      status: 'finished',
      events: NORMAL_CALL.length,
      turns: turnRows(replayCall(NORMAL_CALL)),
      alerts: [],
      labels: null,
      failure: null,
      engine: 'realtime'
    }),
    'recording.events': ok({ inputs: NORMAL_CALL }),
    'recording.audio': audio.map((page) => ok(page)),
    'recording.audioRemoval': ok(null),
    ...more
  })
  render(<RecordedCall sessionId={SESSION} scheduler={scheduler} />)
  return request
}

describe('the recorded call audio in the session detail', () => {
  const blobs: Blob[] = []
  let played: HTMLMediaElement[] = []
  beforeEach(() => {
    // jsdom has no object URLs and no media playback: record what the page asks of them.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob)
      return `blob:test/${blobs.length}`
    })
    URL.revokeObjectURL = vi.fn()
    played = []
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (
      this: HTMLMediaElement
    ) {
      played.push(this)
      Object.defineProperty(this, 'paused', { value: false, configurable: true })
      return Promise.resolve()
    })
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (
      this: HTMLMediaElement
    ) {
      Object.defineProperty(this, 'paused', { value: true, configurable: true })
    })
  })
  afterEach(async () => {
    cleanup()
    vi.restoreAllMocks()
    blobs.length = 0
    await i18next.changeLanguage('en')
  })

  it('joins every page of chunks in order into one player, with its length and size', async () => {
    const request = renderCall([
      { info: INFO, chunks: [{ seq: 0, data: 'AAE=' }], nextSeq: 1 },
      {
        info: INFO,
        chunks: [
          { seq: 1, data: 'Ag==' },
          { seq: 2, data: 'AwQF' }
        ],
        nextSeq: null
      }
    ])
    const player = (await screen.findByTestId('call-audio')) as HTMLAudioElement
    expect(player.getAttribute('src')).toBe('blob:test/1')
    expect(player.getAttribute('aria-label')).toBe('Recorded audio of the call')
    expect(screen.getByTestId('call-audio-player').textContent).toContain(
      "This call's audio was recorded (both sides): 18 sec, 246 kB."
    )
    const pages = request.mock.calls.filter(([route]) => route === 'recording.audio')
    expect(pages.map(([, input]) => input)).toEqual([
      { sessionId: SESSION, fromSeq: 0 },
      { sessionId: SESSION, fromSeq: 1 }
    ])
    expect(blobs[0]!.type).toBe(MIME)
    expect(blobs[0]!.size).toBe(6)
    cleanup()
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1')
  })

  it('says so when the call has no audio, in French', async () => {
    await i18next.changeLanguage('fr')
    renderCall([null])
    expect((await screen.findByTestId('no-call-audio')).textContent).toBe(
      "Aucun audio n'a été enregistré pour cet appel."
    )
    expect(screen.queryByTestId('call-audio')).toBeNull()
  })

  it('deletes the audio only when asked twice, Cancel the default, then says who and when', async () => {
    const removal = { removedBy: 'lead', removedAt: '2026-12-07T10:30:00.000Z' }
    const request = renderCall(
      [{ info: INFO, chunks: [{ seq: 0, data: 'AAE=' }], nextSeq: null }],
      manualScheduler(),
      { 'recording.removeAudio': ok({ ...removal, chunks: 3 }) }
    )
    await screen.findByTestId('call-audio')
    act(() => screen.getByRole('button', { name: 'Delete audio…' }).click())
    const dialog = await screen.findByRole('dialog', { name: "Delete this call's audio?" })
    expect(dialog.textContent).toContain('The recording of both sides (18 sec)')
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }))
    act(() => within(dialog).getByRole('button', { name: 'Cancel' }).click())
    expect(request.mock.calls.some(([route]) => route === 'recording.removeAudio')).toBe(false)
    expect(screen.getByTestId('call-audio')).toBeTruthy()

    act(() => screen.getByRole('button', { name: 'Delete audio…' }).click())
    const again = await screen.findByRole('dialog')
    await act(async () => within(again).getByRole('button', { name: 'Delete audio' }).click())
    expect(request).toHaveBeenCalledWith('recording.removeAudio', { sessionId: SESSION })
    expect((await screen.findByTestId('no-call-audio')).textContent).toMatch(
      /^This call's audio was recorded and then deleted by lead on Dec 7, 2026, \d{1,2}:30/
    )
    expect(screen.queryByTestId('call-audio')).toBeNull()
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1')
  })

  it("says main's refusal, and keeps the player", async () => {
    renderCall(
      [{ info: INFO, chunks: [{ seq: 0, data: 'AAE=' }], nextSeq: null }],
      manualScheduler(),
      {
        'recording.removeAudio': {
          ok: false,
          error: { code: 'failed', message: "Only a supervisor's seat deletes a call's audio" }
        } as unknown as ReturnType<typeof ok>
      }
    )
    await screen.findByTestId('call-audio')
    act(() => screen.getByRole('button', { name: 'Delete audio…' }).click())
    const dialog = await screen.findByRole('dialog')
    await act(async () => within(dialog).getByRole('button', { name: 'Delete audio' }).click())
    const alerts = await screen.findAllByRole('alert')
    expect(alerts.map((alert) => alert.textContent).join(' ')).toContain(
      "Only a supervisor's seat deletes a call's audio"
    )
    expect(screen.getByTestId('call-audio')).toBeTruthy()
  })

  it('says a deleted recording was deleted, by whom and when, in Spanish', async () => {
    await i18next.changeLanguage('es')
    renderCall([null], manualScheduler(), {
      'recording.audioRemoval': ok({ removedBy: 'lead', removedAt: '2026-12-07T10:30:00.000Z' })
    })
    expect((await screen.findByTestId('no-call-audio')).textContent).toMatch(
      /^El audio de esta llamada se grabó y después lo eliminó lead el 7 dic 2026/
    )
  })

  it('plays the sound in step with the replay: start, speed, seek and pause', async () => {
    const clock = manualScheduler()
    renderCall([{ info: INFO, chunks: [{ seq: 0, data: 'AAE=' }], nextSeq: null }], clock)
    const player = (await screen.findByTestId('call-audio')) as HTMLAudioElement
    await screen.findByTestId('replay')
    act(() => screen.getByRole('button', { name: 'Play replay' }).click())
    // The first second of the call has no audio yet (the recording began 1 s in).
    expect(played).toHaveLength(0)
    act(() => clock.advance(1_500))
    expect(played).toEqual([player])
    expect(player.paused).toBe(false)
    act(() => screen.getByRole('button', { name: '2×' }).click())
    expect(player.playbackRate).toBe(2)
    act(() => screen.getByRole('button', { name: 'Pause replay' }).click())
    expect(player.paused).toBe(true)
    // Scrubbing moves the sound to the same moment of the call: 9 s in is 8 s into the audio.
    const slider = screen.getByRole('slider', { name: 'Replay position' })
    fireEvent.change(slider, { target: { value: 9000 } })
    expect(player.currentTime).toBe(8)
    expect(player.paused).toBe(true)
  })
})
