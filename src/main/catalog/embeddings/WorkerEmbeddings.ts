import { Worker } from 'node:worker_threads'
import { z } from 'zod'
import type { EmbeddingProvider, Progress } from './EmbeddingProvider'
import {
  EmbeddingsReply,
  type EmbeddingsRequest,
  type EmbeddingsWorkerData,
  unpackVectors
} from './embeddingsWorkerMessages'

export interface WorkerEmbeddingsOptions {
  /** The bundled worker entry (it calls serveEmbeddings); tests run the TypeScript source. */
  script: URL | string
  /** Lets tests and the harness run the TypeScript entry (`['--import', 'tsx']`). */
  execArgv?: string[]
  /** What the worker serves, known before it starts; its ready message must say the same. */
  serves: Pick<EmbeddingProvider, 'id' | 'dimensions' | 'minSimilarity'>
  workerData?: Omit<EmbeddingsWorkerData, 'closed'>
  /** How long close() waits for the worker to write what it learned (default 2 s). */
  closeWaitMs?: number
}

// A request before main numbers it.
type Request = EmbeddingsRequest extends infer R
  ? R extends { request: number }
    ? Omit<R, 'request'>
    : never
  : never
type Answer = Extract<EmbeddingsReply, { type: 'vectors' | 'done' }>
interface Pending {
  resolve: (answer: Answer) => void
  reject: (error: Error) => void
  onProgress?: Progress
}
interface Running {
  worker: Worker
  pending: Map<number, Pending>
  /** Set by the worker once close() made it write what it learned. */
  wrote: Int32Array
  ready: boolean
  stopped: boolean
}

const CLOSE_WAIT_MS = 2_000

/**
 * An embedding provider that runs on a worker thread (serveEmbeddings on the other side):
 * main's event loop only posts texts and unpacks vectors. The worker starts with the first
 * request. When it dies (a crash, an uncaught error, a message that fails validation), every
 * request waiting on it fails with the reason, and the next request starts a new one. close()
 * lets it write what it learned, then terminates it.
 */
export class WorkerEmbeddings implements EmbeddingProvider {
  readonly id: string
  readonly dimensions: number
  readonly minSimilarity: number
  private running: Running | undefined
  private closed = false
  private lastRequest = 0

  constructor(private readonly options: WorkerEmbeddingsOptions) {
    this.id = options.serves.id
    this.dimensions = options.serves.dimensions
    this.minSimilarity = options.serves.minSimilarity
  }

  async prepare(texts: readonly string[], onProgress?: Progress): Promise<void> {
    await this.send({ op: 'prepare', texts: [...texts] }, onProgress)
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    if (texts.length === 0) return []
    return this.vectors({ op: 'embed', texts: [...texts] }, texts.length)
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.vectors({ op: 'embedQuery', text }, 1))[0]!
  }

  /**
   * Lets the worker write what it has not written yet (words learned from questions wait on a
   * timer there), waiting at most closeWaitMs, then terminates it. Main blocks for that write:
   * at quit, the process would otherwise end before it.
   */
  close(): void {
    if (this.closed) return
    this.closed = true
    const running = this.running
    if (!running) return
    if (running.ready) {
      running.worker.postMessage({ op: 'close' } satisfies EmbeddingsRequest)
      try {
        Atomics.wait(running.wrote, 0, 0, this.options.closeWaitMs ?? CLOSE_WAIT_MS)
      } catch {
        // A thread that may not block: terminated without waiting; learned again when needed.
      }
    }
    this.stop(running, new Error('The embeddings worker was closed.'))
  }

  private async vectors(request: Request, count: number): Promise<number[][]> {
    const answer = await this.send(request)
    if (answer.type !== 'vectors') throw new Error('The embeddings worker sent no vectors.')
    return unpackVectors(answer.data, count, this.dimensions)
  }

  private send(request: Request, onProgress?: Progress): Promise<Answer> {
    if (this.closed) return Promise.reject(new Error('The embeddings worker was closed.'))
    const running = (this.running ??= this.start())
    const number = ++this.lastRequest
    return new Promise<Answer>((resolve, reject) => {
      running.pending.set(number, { resolve, reject, onProgress })
      // Held open only while something waits on it: an idle worker never keeps a process alive.
      if (running.pending.size === 1) running.worker.ref()
      running.worker.postMessage({ ...request, request: number } as EmbeddingsRequest)
    })
  }

  private start(): Running {
    const wrote = new Int32Array(new SharedArrayBuffer(4))
    const worker = new Worker(this.options.script, {
      workerData: {
        ...this.options.workerData,
        closed: wrote.buffer
      } satisfies EmbeddingsWorkerData,
      ...(this.options.execArgv && { execArgv: this.options.execArgv })
    })
    const running: Running = {
      worker,
      pending: new Map(),
      wrote,
      ready: false,
      stopped: false
    }
    worker.unref()
    worker.on('message', (raw: unknown) => this.receive(running, raw))
    worker.on('messageerror', (error) =>
      this.stop(running, new Error(`The embeddings worker sent an unreadable message: ${error}`))
    )
    worker.on('error', (error) =>
      this.stop(running, new Error(`The embeddings worker failed: ${error.message}`))
    )
    worker.on('exit', (code) =>
      this.stop(running, new Error(`The embeddings worker stopped (exit code ${code}).`))
    )
    return running
  }

  private receive(running: Running, raw: unknown): void {
    const parsed = EmbeddingsReply.safeParse(raw)
    if (!parsed.success)
      return this.stop(
        running,
        new Error(`The embeddings worker sent an invalid message: ${z.prettifyError(parsed.error)}`)
      )
    const reply = parsed.data
    if (reply.type === 'ready') {
      const { id, dimensions, minSimilarity } = reply
      if (id !== this.id || dimensions !== this.dimensions || minSimilarity !== this.minSimilarity)
        return this.stop(
          running,
          new Error(
            `The embeddings worker serves ${id} (${dimensions} dims, floor ${minSimilarity}), ` +
              `not ${this.id} (${this.dimensions} dims, floor ${this.minSimilarity}).`
          )
        )
      running.ready = true
      return
    }
    const pending = running.pending.get(reply.request)
    if (!running.ready || !pending)
      return this.stop(
        running,
        new Error(`The embeddings worker answered ${reply.type} out of turn.`)
      )
    if (reply.type === 'progress') {
      try {
        pending.onProgress?.(reply.done, reply.total)
      } catch {
        // A listener's failure is its own: the work goes on.
      }
      return
    }
    running.pending.delete(reply.request)
    if (running.pending.size === 0) running.worker.unref()
    if (reply.type === 'failed') pending.reject(new Error(reply.message))
    else pending.resolve(reply)
  }

  /** Ends this worker: its waiting requests fail with `reason`; the next request starts another. */
  private stop(running: Running, reason: Error): void {
    if (running.stopped) return
    running.stopped = true
    if (this.running === running) this.running = undefined
    const waiting = [...running.pending.values()]
    running.pending.clear()
    void running.worker.terminate()
    for (const request of waiting) request.reject(reason)
  }
}
