import type { MessagePort } from 'node:worker_threads'
import { z } from 'zod'
import type { EmbeddingProvider } from './EmbeddingProvider'
import { EmbeddingsReply, EmbeddingsRequest, packVectors } from './embeddingsWorkerMessages'

const ERROR_EVENTS = ['uncaughtException', 'unhandledRejection'] as const
type ErrorHandlers = Map<(typeof ERROR_EVENTS)[number], readonly unknown[]>

// Typed as a plain emitter: Node's typings list these events' listeners one overload at a time.
const processEvents: NodeJS.EventEmitter = process

/** The process-wide error handlers installed now. */
export const errorHandlersNow = (): ErrorHandlers =>
  new Map(ERROR_EVENTS.map((event) => [event, processEvents.listeners(event)]))

/**
 * Removes the process-wide error handlers added since `before`. TensorFlow.js's WASM glue adds
 * an `uncaughtException` and an `unhandledRejection` handler that rethrow when it is imported:
 * without them, an error the worker does not catch ends it with that error, which main reports.
 */
export function removeErrorHandlersSince(before: ErrorHandlers): void {
  for (const event of ERROR_EVENTS)
    for (const handler of processEvents.listeners(event))
      if (!before.get(event)!.includes(handler))
        processEvents.removeListener(event, handler as (...args: unknown[]) => void)
}

/**
 * A worker's side of WorkerEmbeddings: loads the provider (`load` imports it, so the error
 * handlers its packages install are known and removed), says it is ready, then answers each
 * request as it comes. A request that fails is answered with its error; a message that is not a
 * request ends the worker. `close` writes what the provider has not written yet, then sets the
 * `closed` flag main waits on before terminating the thread.
 */
export async function serveEmbeddings(
  port: MessagePort,
  closed: Int32Array,
  load: () => Promise<EmbeddingProvider>
): Promise<void> {
  const before = errorHandlersNow()
  const provider = await load()
  removeErrorHandlersSince(before)
  const post = (reply: EmbeddingsReply, transfer: ArrayBuffer[] = []): void =>
    port.postMessage(reply, transfer)
  const postVectors = (request: number, vectors: number[][]): void => {
    const data = packVectors(vectors, provider.dimensions)
    post({ type: 'vectors', request, data }, [data.buffer])
  }
  const answer = async (message: Exclude<EmbeddingsRequest, { op: 'close' }>): Promise<void> => {
    const { request } = message
    if (message.op === 'prepare') {
      await provider.prepare?.(message.texts, (done, total) =>
        post({ type: 'progress', request, done, total })
      )
      post({ type: 'done', request })
    } else if (message.op === 'embed') postVectors(request, await provider.embed(message.texts))
    else postVectors(request, [await provider.embedQuery(message.text)])
  }

  port.on('message', (raw: unknown) => {
    const parsed = EmbeddingsRequest.safeParse(raw)
    if (!parsed.success)
      throw new Error(`Not an embeddings request: ${z.prettifyError(parsed.error)}`)
    const message = parsed.data
    if (message.op === 'close') {
      provider.close?.()
      Atomics.store(closed, 0, 1)
      Atomics.notify(closed, 0)
      return
    }
    answer(message)
      .catch((error: unknown) =>
        post({
          type: 'failed',
          request: message.request,
          message: error instanceof Error ? error.message : String(error)
        })
      )
      // The model itself loads on the first request that needs it: its handlers go then too.
      .finally(() => removeErrorHandlersSince(before))
  })
  post({
    type: 'ready',
    id: provider.id,
    dimensions: provider.dimensions,
    minSimilarity: provider.minSimilarity
  })
}
