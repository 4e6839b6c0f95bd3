import type { Connection, Submittable } from 'pg'

/** A part of a COPY's data: bytes [from, to) of `buffer`, which `view` views whole. */
export type CopyDataRange = (buffer: Buffer, view: DataView, from: number, to: number) => void

// Backend messages seen while the copy's data streams (the protocol's type bytes).
const COPY_DATA = 0x64 // 'd'
const COPY_DONE = 0x63 // 'c'
const ERROR_RESPONSE = 0x45 // 'E'
/** A message's type byte and its length (which counts itself, not the type). */
const HEADER_BYTES = 5

type SocketListener = (chunk: Buffer) => void

/**
 * `COPY … TO STDOUT` on one of pg's clients, its CopyData read straight off the connection's
 * socket: each message's payload goes to `onData` as a range of the chunk the socket gave, so no
 * Buffer or object is made per message (pg-copy-streams makes a Buffer a row and joins them per
 * chunk: about half of main's CPU in reading a million report rows). As pg-copy-streams does,
 * it takes the socket's data from pg's parser while the copy streams and hands it back, with
 * what is left of the chunk, at CopyDone or at an ErrorResponse; pg then reads the command's
 * end (or the error) and reports it here. Messages between CopyData (notices, parameter status)
 * are skipped. An error thrown by `onData` stops its calls; the copy is read to its end and
 * `done` rejects with that error.
 */
export class CopyOutQuery implements Submittable {
  readonly done: Promise<void>
  private resolve: () => void = () => undefined
  private reject: (error: Error) => void = () => undefined
  private socket: Connection['stream'] | null = null
  private pgListener: SocketListener | null = null
  private readonly header = Buffer.alloc(HEADER_BYTES)
  private headerBytes = 0
  private type = 0
  /** Payload bytes of the current message still to come. */
  private remaining = 0
  private failure: Error | null = null

  constructor(
    private readonly text: string,
    private readonly onData: CopyDataRange
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve
      this.reject = reject
    })
  }

  submit(connection: Connection): void {
    const socket = connection.stream
    const listeners = socket.listeners('data')
    if (listeners.length !== 1) throw new Error('COPY: pg does not read its socket as expected')
    this.socket = socket
    this.pgListener = listeners[0] as SocketListener
    socket.removeListener('data', this.pgListener)
    socket.on('data', this.onSocketData)
    connection.query(this.text)
  }

  handleError(error: Error): void {
    this.detach(null)
    this.reject(error)
  }

  handleCommandComplete(): void {
    // pg calls it with the row count (COPY n): the end is ReadyForQuery.
  }

  handleReadyForQuery(): void {
    if (this.failure) this.reject(this.failure)
    else this.resolve()
  }

  private readonly onSocketData = (chunk: Buffer): void => {
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.length)
    let at = 0
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const to = Math.min(chunk.length, at + this.remaining)
        if (this.type === COPY_DATA) this.data(chunk, view, at, to)
        this.remaining -= to - at
        at = to
        continue
      }
      // A message's header, perhaps cut between two chunks.
      if (this.headerBytes === 0 && chunk[at] === ERROR_RESPONSE) return this.detach(chunk, at)
      const taken = Math.min(HEADER_BYTES - this.headerBytes, chunk.length - at)
      chunk.copy(this.header, this.headerBytes, at, at + taken)
      this.headerBytes += taken
      at += taken
      if (this.headerBytes < HEADER_BYTES) return
      this.headerBytes = 0
      this.type = this.header[0]!
      this.remaining = this.header.readInt32BE(1) - 4
      if (this.type === COPY_DONE) return this.detach(chunk, at)
    }
  }

  private data(chunk: Buffer, view: DataView, from: number, to: number): void {
    if (this.failure) return
    try {
      this.onData(chunk, view, from, to)
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error))
    }
  }

  /** Gives the socket back to pg's parser with the bytes it has not read (from `at` on). */
  private detach(chunk: Buffer | null, at = 0): void {
    const socket = this.socket
    const pgListener = this.pgListener
    if (!socket || !pgListener) return
    this.socket = null
    this.pgListener = null
    socket.removeListener('data', this.onSocketData)
    socket.on('data', pgListener)
    if (chunk && at < chunk.length) pgListener(chunk.subarray(at))
  }
}
