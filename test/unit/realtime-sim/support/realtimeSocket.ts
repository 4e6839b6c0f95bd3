import WebSocket from 'ws'
import { ServerEvent } from '../../../../src/shared/realtime/serverEvents'

export type ReceivedEvent = ServerEvent & Record<string, unknown>

/** Events as they arrive on something a test listens to, with waits by type. */
export class EventInbox {
  readonly events: ReceivedEvent[] = []
  private waiters: (() => void)[] = []

  push(text: string): void {
    this.events.push(JSON.parse(text) as ReceivedEvent)
    this.waiters.splice(0).forEach((wake) => wake())
  }

  ofType(type: string): ReceivedEvent[] {
    return this.events.filter((e) => e.type === type)
  }

  /** The first event of `type` (matching `where`) at or after index `from`, waiting for it. */
  async next(
    type: string,
    where: (event: ReceivedEvent) => boolean = () => true,
    from = 0,
    timeoutMs = 15_000
  ): Promise<ReceivedEvent> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.events.slice(from).find((e) => e.type === type && where(e))
      if (found) return found
      if (Date.now() > deadline) throw new Error(`no ${type} within ${timeoutMs} ms`)
      await new Promise<void>((wake) => {
        this.waiters.push(wake)
        setTimeout(wake, 100)
      })
    }
  }
}

/** A `ws` client of the simulator's `/v1/realtime`, keeping every event it receives. */
export async function openRealtimeSocket(
  url: string,
  options: { protocols?: string[]; headers?: Record<string, string> }
): Promise<{ ws: WebSocket; inbox: EventInbox; send(event: object): void }> {
  const ws = new WebSocket(url, options.protocols ?? [], { headers: options.headers })
  const inbox = new EventInbox()
  ws.on('message', (data) => inbox.push(String(data)))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`handshake answered ${res.statusCode}`))
    )
  })
  return { ws, inbox, send: (event) => ws.send(JSON.stringify(event)) }
}

/** A refused handshake's HTTP status and JSON body. */
export async function refusedHandshake(
  url: string,
  options: { protocols?: string[]; headers?: Record<string, string> }
): Promise<{ status: number; body: unknown }> {
  const ws = new WebSocket(url, options.protocols ?? [], { headers: options.headers })
  return new Promise((resolve, reject) => {
    ws.once('open', () => reject(new Error('the handshake was accepted')))
    ws.once('unexpected-response', (_req, res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
    })
    ws.once('error', () => {})
  })
}

/** 24 kHz PCM16 as base64 chunks of `chunkMs`: a loud 220 Hz tone for `toneMs`, then silence. */
export function pcm24kChunks(toneMs: number, silenceMs: number, chunkMs = 20): string[] {
  const rate = 24_000
  const total = ((toneMs + silenceMs) * rate) / 1000
  const loud = (toneMs * rate) / 1000
  const bytes = Buffer.alloc(total * 2)
  for (let i = 0; i < loud; i++)
    bytes.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / rate)), i * 2)
  const chunkBytes = ((chunkMs * rate) / 1000) * 2
  const chunks: string[] = []
  for (let at = 0; at < bytes.length; at += chunkBytes)
    chunks.push(bytes.subarray(at, at + chunkBytes).toString('base64'))
  return chunks
}
