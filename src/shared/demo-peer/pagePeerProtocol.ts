import { z } from 'zod'

/**
 * The demo agent's page peer: main (the simulator) ↔ a Chromium page that holds the WebRTC side
 * of each demo call. Plain JSON messages, so any transport carries them (an Electron MessagePort,
 * a test's Playwright binding); each side parses what it receives.
 */

/** One 10 ms frame of 48 kHz mono Int16 PCM, base64 (960 bytes → 1 280 characters). */
const Pcm = z
  .string()
  .max(4096)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
const PeerId = z.string().min(1).max(64)
/** Data channel messages: the API's events, well under the SDP and event size limits. */
const Text = z.string().max(1_000_000)
const Sdp = z.string().min(1).max(100_000)

export const ToPage = z.discriminatedUnion('type', [
  /** Answer this offer; reply `answered` with every ICE candidate in the SDP (no trickle). */
  z.object({ type: z.literal('offer'), peerId: PeerId, sdp: Sdp }).strict(),
  /** The agent's next 10 ms, paced by main. */
  z.object({ type: z.literal('agent-audio'), peerId: PeerId, pcm: Pcm }).strict(),
  /** A server event for the caller's `oai-events` channel. */
  z.object({ type: z.literal('send'), peerId: PeerId, text: Text }).strict(),
  /** Close the data channel only (a scripted fault); the call goes on. */
  z.object({ type: z.literal('close-channel'), peerId: PeerId }).strict(),
  z.object({ type: z.literal('close'), peerId: PeerId }).strict()
])
export type ToPage = z.infer<typeof ToPage>

export const FromPage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answered'), peerId: PeerId, sdp: Sdp }).strict(),
  z.object({ type: z.literal('failed'), peerId: PeerId, message: z.string().max(2000) }).strict(),
  z
    .object({
      type: z.literal('connection'),
      peerId: PeerId,
      state: z.enum(['new', 'connecting', 'connected', 'disconnected', 'failed', 'closed'])
    })
    .strict(),
  z
    .object({ type: z.literal('channel-open'), peerId: PeerId, label: z.string().max(256) })
    .strict(),
  z.object({ type: z.literal('channel-closed'), peerId: PeerId }).strict(),
  /** A client event the caller sent on the data channel. */
  z.object({ type: z.literal('received'), peerId: PeerId, text: Text }).strict(),
  /** The caller's next 10 ms, from the remote track. */
  z.object({ type: z.literal('caller-audio'), peerId: PeerId, pcm: Pcm }).strict()
])
export type FromPage = z.infer<typeof FromPage>
