import type { ServerEvent } from 'openai/resources/live/live'
import type { SidebandServerEvent } from 'openai/resources/live/sideband'
import { SidebandWS } from 'openai/resources/live/sideband/ws'
import { LiveWS } from 'openai/resources/live/ws'
import { describe, expect, it } from 'vitest'
import { openaiFor } from '../contract/support/openaiClient'
import { API_KEY, useSimulator } from '../support/simServer'
import { toneFrame } from '../support/virtualCall'
import { liveEventProblem } from './liveEventShapes'

// Issue #20: the `openai` SDK's own Live WebSocket clients against the simulator: the primary
// socket (`LiveWS`, `session.start`, `session.input_audio.append`) and a server's sideband
// (`SidebandWS`, `/v1/live/sessions/{id}/attach`) answering the delegation.

const TOOL_OUTPUT = JSON.stringify({
  ok: true,
  result: { products: [{ name: 'TrailBlazer X200', price_usd: 189.99 }] }
})

/** `ms` of caller audio as PCM16 24 kHz base64: a loud tone, or silence. */
function pcm24k(ms: number, loud: boolean): string {
  const frames = Array.from({ length: ms / 10 }, (_, i) => toneFrame(loud ? 8000 : 0, i))
  const bytes = Buffer.alloc(frames.length * 240 * 2)
  let at = 0
  // toneFrame is 48 kHz: keep every other sample for 24 kHz.
  for (const frame of frames)
    for (let i = 0; i < frame.length; i += 2, at += 2) bytes.writeInt16LE(frame[i]!, at)
  return bytes.toString('base64')
}

function collect<E extends { type: string }>(socket: {
  on(event: 'event', listener: (event: E) => void): unknown
}) {
  const events: E[] = []
  const waiters: (() => void)[] = []
  socket.on('event', (event) => {
    events.push(event)
    waiters.splice(0).forEach((wake) => wake())
  })
  const waitFor = <T extends E['type']>(type: T, after = 0, timeoutMs = 8000) =>
    new Promise<Extract<E, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} in ${timeoutMs} ms`)), timeoutMs)
      const check = (): void => {
        const found = events.slice(after).find((e) => e.type === type)
        if (!found) return void waiters.push(check)
        clearTimeout(timer)
        resolve(found as Extract<E, { type: T }>)
      }
      check()
    })
  return { events, waitFor }
}

describe(
  'openai SDK: Live WebSocket and sideband against the simulator',
  { timeout: 60_000 },
  () => {
    const simulator = useSimulator()

    it('runs a call on LiveWS while a SidebandWS answers the delegation', async () => {
      const sim = await simulator.start()
      const client = openaiFor(sim, API_KEY)
      const primary = new LiveWS(client)
      const fromPrimary = collect<ServerEvent>(primary)
      primary.send({
        type: 'session.start',
        event_id: 'evt_start',
        session: {
          model: 'gpt-live-1',
          audio: { format: { type: 'audio/pcm', rate: 24000 } },
          delegation: { type: 'client' }
        }
      })
      const started = await fromPrimary.waitFor('session.started')
      expect(started.client_event_id).toBe('evt_start')
      expect(started.session.audio?.format).toEqual({ type: 'audio/pcm', rate: 24000 })
      const sideband = new SidebandWS(client, { session_id: started.session.id })
      const fromSideband = collect<SidebandServerEvent>(sideband)
      await new Promise<void>((resolve) => sideband.socket.on('open', () => resolve()))
      // The greeting arrives as audio deltas on the primary socket (no stamps there).
      const greeting = await fromPrimary.waitFor('session.output_audio.delta')
      expect(greeting.start_ms).toBeUndefined()
      await fromPrimary.waitFor('session.usage.updated')
      primary.send({ type: 'session.input_audio.append', audio: pcm24k(700, true) })
      primary.send({ type: 'session.input_audio.append', audio: pcm24k(800, false) })
      const delegated = await fromSideband.waitFor('session.delegation.created')
      sideband.send({
        type: 'session.commentary.append',
        content: TOOL_OUTPUT,
        delegation_id: delegated.delegation.id
      })
      await fromPrimary.waitFor('session.commentary.appended')
      const transcript = (): string =>
        fromPrimary.events
          .map((e) => (e.type === 'session.output_transcript.delta' ? e.delta : ''))
          .join('')
      await expect
        .poll(transcript, { timeout: 10_000 })
        .toContain('The TrailBlazer X200 costs 189.99')
      // The sideband heard both directions, PCM16 24 kHz, the agent's with timeline stamps.
      expect(fromSideband.events.some((e) => e.type === 'session.input_audio.append')).toBe(true)
      const reflected = fromSideband.events.find(
        (e) => e.type === 'session.output_audio.delta' && e.start_ms !== undefined
      )
      expect(reflected).toBeDefined()
      primary.send({ type: 'session.close' })
      const closed = await fromPrimary.waitFor('session.closed')
      expect(closed.reason).toBe('close_requested')
      for (const event of [...fromPrimary.events, ...fromSideband.events])
        expect(liveEventProblem(event as never), event.type).toBeNull()
      sideband.close()
    })

    it('refuses commands before session.start and an unknown field in it', async () => {
      const sim = await simulator.start()
      const primary = new LiveWS(openaiFor(sim, API_KEY))
      const errors: string[] = []
      primary.on('error', (error) =>
        errors.push(`${error.error?.error.code}:${error.error?.error.param}`)
      )
      primary.send({ type: 'session.close', event_id: 'evt_early' })
      primary.send({
        type: 'session.start',
        session: { model: 'gpt-live-1', voice: 'ash' } as never
      })
      await expect
        .poll(() => errors, { timeout: 5000 })
        .toEqual(['invalid_value:type', 'unknown_parameter:session.voice'])
      primary.close()
    })
  }
)
