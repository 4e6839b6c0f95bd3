/**
 * The synchronous shape of a seam interface: what node:sqlite's tables implement before
 * `asyncTable` wraps them. A promise's value is returned as is; an async iterable of pages
 * becomes an iterable (each page is read when it is asked for).
 */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Unwrapped<R> : T[K]
}

type Unwrapped<R> =
  R extends Promise<infer V> ? V : R extends AsyncIterable<infer X> ? Iterable<X> : R
