import { z } from 'zod'

/**
 * What crosses the embeddings worker's boundary, validated on arrival on both sides. Vectors
 * travel as one transferred Float64Array (row after row): no copy, and the same doubles the
 * provider computed.
 */
const RequestNumber = z.number().int().positive()
const Texts = z.array(z.string())

/** Main → worker. `close` is acknowledged through the shared flag, not by a message. */
export const EmbeddingsRequest = z.discriminatedUnion('op', [
  z.object({ op: z.literal('prepare'), request: RequestNumber, texts: Texts }).strict(),
  z.object({ op: z.literal('embed'), request: RequestNumber, texts: Texts }).strict(),
  z.object({ op: z.literal('embedQuery'), request: RequestNumber, text: z.string() }).strict(),
  z.object({ op: z.literal('close') }).strict()
])
export type EmbeddingsRequest = z.infer<typeof EmbeddingsRequest>

/** Worker → main. */
export const EmbeddingsReply = z.discriminatedUnion('type', [
  // Once loaded: what it serves, checked against what main announced before starting it.
  z
    .object({
      type: z.literal('ready'),
      id: z.string(),
      dimensions: z.number().int().positive(),
      minSimilarity: z.number()
    })
    .strict(),
  z
    .object({
      type: z.literal('progress'),
      request: RequestNumber,
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative()
    })
    .strict(),
  z
    .object({
      type: z.literal('vectors'),
      request: RequestNumber,
      data: z.instanceof(Float64Array)
    })
    .strict(),
  z.object({ type: z.literal('done'), request: RequestNumber }).strict(),
  z.object({ type: z.literal('failed'), request: RequestNumber, message: z.string() }).strict()
])
export type EmbeddingsReply = z.infer<typeof EmbeddingsReply>

/** What the worker is started with; `closed` is an Int32 flag it sets once it has written. */
export const EmbeddingsWorkerData = z
  .object({
    closed: z.instanceof(SharedArrayBuffer),
    indexRoot: z.string().optional(),
    learnFromQueries: z.boolean().optional()
  })
  .strict()
export type EmbeddingsWorkerData = z.infer<typeof EmbeddingsWorkerData>

/** Rows of `dimensions` numbers, packed for transfer. */
export function packVectors(
  vectors: readonly number[][],
  dimensions: number
): Float64Array<ArrayBuffer> {
  const data = new Float64Array(vectors.length * dimensions)
  vectors.forEach((vector, i) => data.set(vector, i * dimensions))
  return data
}

/**
 * The rows back, or an error when they are not `count` vectors of `dimensions` finite numbers
 * (a provider that disagrees with what main announced must not reach the index).
 */
export function unpackVectors(data: Float64Array, count: number, dimensions: number): number[][] {
  if (data.length !== count * dimensions)
    throw new Error(
      `The embeddings worker sent ${data.length} numbers for ${count} vectors of ${dimensions}.`
    )
  if (!data.every(Number.isFinite))
    throw new Error('The embeddings worker sent a vector that is not finite.')
  return Array.from({ length: count }, (_, i) =>
    Array.from(data.subarray(i * dimensions, (i + 1) * dimensions))
  )
}
